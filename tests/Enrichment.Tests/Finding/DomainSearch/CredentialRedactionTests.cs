using Enrichment.Finding.DomainSearch;
using Enrichment.Finding.DomainSearch.Providers;
using Enrichment.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Enrichment.Tests.Finding.DomainSearch.Fixture;

namespace Enrichment.Tests.Finding.DomainSearch;

/// <summary>Keys travel to the provider and nowhere else: not into logs (ours or HttpClientFactory's), not into errors.</summary>
public sealed class CredentialRedactionTests
{
    [Fact(Timeout = 20000)]
    public async Task AddDomainSearch_NeverLogsOrReportsKeys_WhenRequestsSucceedAndFail()
    {
        var time = new ManualTimeProvider();
        using var server = StartServer();
        MapSequence(server, HunterPath, Ok("hunter-page-1.json"), Status(401, $"{{\"errors\":[{{\"id\":\"authentication_failed\",\"details\":\"Invalid key {HunterKey}\"}}]}}"));
        Map(server, TombaPath, Status(403, $"{{\"errors\":{{\"message\":\"key {TombaKey} secret {TombaSecret} refused\"}}}}"));
        var capture = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<TimeProvider>(time)
            .AddDomainSearch(new DomainSearchOptions { Hunter = Hunter(server), Tomba = Tomba(server) });
        await using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<DomainSearchService>();

        var merged = await service.SearchAsync("example.com", [], CancellationToken.None);

        Assert.Equal([("hunter", "unauthorized"), ("tomba", "unauthorized")], merged.Errors.OrderBy(e => e.Source));
        Assert.Equal(2, merged.Contacts.Count);
        Assert.NotEmpty(capture.Messages);
        Assert.Contains(capture.Messages, m => m.Contains("example.com", StringComparison.Ordinal));
        var hunter = provider.GetRequiredService<HunterClient>();
        var direct = await hunter.SearchAsync("example.com", CancellationToken.None);
        var texts = capture.Messages.Append(direct.ErrorDetail ?? "").Append(hunter.ToString() ?? "")
            .Append(Hunter(server).ToString()).Append(new DomainSearchOptions { Hunter = Hunter(server) }.ToString());
        foreach (var text in texts)
        {
            Assert.DoesNotContain(HunterKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TombaKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TombaSecret, text, StringComparison.Ordinal);
        }

        Assert.Contains("***", direct.ErrorDetail);
    }

    [Fact(Timeout = 20000)]
    public async Task SearchAsync_ReportsUnavailableWithoutKey_WhenConnectionRefused()
    {
        using var refusing = new RefusingPort();
        var closedAddress = refusing.HttpAddress;

        var capture = new CapturingLoggerProvider();
        var options = new ProviderOptions { ApiKey = HunterKey, BaseAddress = closedAddress, MaxRetries = 0, RequestsPerSecond = 1000 };
        await using var providers = Providers(new ManualTimeProvider(), hunter: options, logs: capture);
        var client = providers.GetRequiredService<HunterClient>();

        var result = await client.SearchAsync("example.com", CancellationToken.None);

        Assert.Equal(DomainSearchErrors.Unavailable, result.Error);
        Assert.DoesNotContain(HunterKey, result.ErrorDetail ?? "", StringComparison.Ordinal);
        Assert.All(capture.Messages, m => Assert.DoesNotContain(HunterKey, m, StringComparison.Ordinal));
    }
}
