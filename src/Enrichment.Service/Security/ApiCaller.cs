using Enrichment.Storage.Keys;

namespace Enrichment.Service.Security;

/// <summary>The API key of the request, set by <see cref="ApiKeyFilter"/>.</summary>
public static class ApiCaller
{
    public static ApiKey Key(this HttpContext http) =>
        http?.Items[typeof(ApiKey)] as ApiKey ?? throw new InvalidOperationException("ApiKeyFilter did not run for this route");
}
