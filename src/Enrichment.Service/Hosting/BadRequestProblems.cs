using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Enrichment.Service.Hosting;

/// <summary>
/// A request the framework could not bind (a body that is not JSON, a parameter of the wrong type) answers 400
/// ProblemDetails saying what and where, in every environment. Without this, Development threw (a 500 from the
/// exception handler) and Production answered a bare 400. The message names the parameter and, for JSON, the
/// position (System.Text.Json's own text); it carries nothing of the server's.
/// </summary>
public sealed class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
            return false;
        httpContext.Response.StatusCode = bad.StatusCode;
        var detail = bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = detail },
        });
    }
}
