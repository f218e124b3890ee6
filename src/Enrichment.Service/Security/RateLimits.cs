using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Enrichment.Service.Security;

/// <summary>
/// ASP.NET Core's rate limiter on /api, one fixed window per API key, on the service's clock. The limiter runs before the API-key filter, so
/// the partition is the key's public prefix (<c>enr_&lt;prefix&gt;_</c>, unique per key, hence one window per key id)
/// and never the secret part; requests without a key share a window per client address, signed webhooks one per
/// source. Rejections are 429 ProblemDetails with Retry-After in seconds.
/// </summary>
public static class RateLimits
{
    public const string Policy = "per-api-key";

    public static IServiceCollection AddEnrichmentRateLimits(this IServiceCollection services, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The service's TimeProvider (a test's manual clock) drives the windows; see ClockedWindowLimiter.
            limiter.AddPolicy(Policy, http => RateLimitPartition.Get(PartitionOf(http),
                _ => new ClockedWindowLimiter(options.PermitLimit, options.Window, http.RequestServices.GetRequiredService<TimeProvider>())));
            limiter.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: $"This API key may make {options.PermitLimit} requests per {options.Window.TotalSeconds:F0} s ({RateLimitOptions.Section}); retry in {seconds} s.")
                    .ExecuteAsync(http);
            };
        });
        return services;
    }

    /// <summary>The window a request counts against (pure): the key's prefix, the webhook source, or the client address.</summary>
    public static string PartitionOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var key = http.Request.Headers[ApiKeyFilter.Header].ToString();
        if (key.StartsWith("enr_", StringComparison.Ordinal) && key.IndexOf('_', 4) is var end and > 4)
            return "key:" + key[..end];
        if (http.Request.RouteValues.TryGetValue("source", out var source) && source is string name)
            return "webhook:" + name.ToLowerInvariant();
        return "ip:" + http.Connection.RemoteIpAddress;
    }
}
