using System.Net.Http.Headers;

namespace Enrichment.Finding.DomainSearch.Providers;

/// <summary>Retry-After (RFC 9110 section 10.2.3): either delay-seconds or an HTTP-date.</summary>
internal static class RetryAfter
{
    /// <summary>The wait the server asked for, measured from <paramref name="now"/>; a date in the past means zero.</summary>
    public static TimeSpan? ToDelay(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
