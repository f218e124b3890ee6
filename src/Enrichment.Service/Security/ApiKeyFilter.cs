using Enrichment.Storage.Keys;

namespace Enrichment.Service.Security;

/// <summary>
/// Every /api route needs a valid <c>X-Api-Key</c>; the caller's key is kept on the request for the handlers
/// (lists belong to the key that uploaded them). Answers 401 ProblemDetails otherwise.
/// </summary>
public sealed class ApiKeyFilter(ApiKeyStore keys) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var presented = http.Request.Headers[Header].ToString();
        var key = presented.Length == 0 ? null : await keys.FindAsync(presented, http.RequestAborted);
        if (key is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: presented.Length == 0 ? "API key required" : "API key not valid",
                detail: $"Send the key in the {Header} header (create one with `enrichment keys create NAME`).");
        }

        http.Items[typeof(ApiKey)] = key;
        return await next(context);
    }
}
