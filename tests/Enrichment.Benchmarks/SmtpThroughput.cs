using System.Diagnostics;
using System.Globalization;
using Enrichment.Verification;
using Enrichment.Verification.Dns;
using Enrichment.Verification.Flags;
using Enrichment.Verification.Smtp;

namespace Enrichment.Benchmarks;

/// <summary>
/// Issue 2's benchmark: 10,000 addresses over 200 domains against a fake SMTP server that waits 20 ms
/// before every reply. The engine (one session per domain, catch-all probed once) against the naive
/// baseline (one connection per address, catch-all probed per address) at equal concurrency.
/// </summary>
internal static class SmtpThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var addresses = Arg(args, "--addresses", 10_000);
        var domains = Arg(args, "--domains", 200);
        var delayMs = Arg(args, "--delay-ms", 20);
        var concurrency = Arg(args, "--concurrency", 50);
        Console.WriteLine($"smtp-throughput: {addresses:N0} addresses, {domains} domains, {delayMs} ms per reply, concurrency {concurrency}");

        var engine = await MeasureAsync("engine", addresses, domains, delayMs, new VerificationOptions
        {
            MaxConcurrentSessions = concurrency,
            MaxSessionsPerHost = 4,
        });
        var naive = await MeasureAsync("one-connection-per-address", addresses, domains, delayMs, new VerificationOptions
        {
            MaxConcurrentSessions = concurrency,
            MaxSessionsPerHost = 4,
            MaxRecipientsPerTransaction = 1,
            MaxTransactionsPerSession = 1,
            CatchAllCacheAge = TimeSpan.Zero,
        });

        Console.WriteLine();
        Console.WriteLine($"throughput ratio engine/naive: {engine.Rate / naive.Rate:F2}x  (target >= 5x)");
        Console.WriteLine($"connections per address: engine {engine.ConnectionsPerAddress:F4} (target <= 0.1), naive {naive.ConnectionsPerAddress:F4}; ratio {naive.ConnectionsPerAddress / engine.ConnectionsPerAddress:F1}x fewer");
        Console.WriteLine($"RCPTs per address: engine {engine.RcptsPerAddress:F3}, naive {naive.RcptsPerAddress:F3}");
        return engine.Wrong + naive.Wrong == 0 ? 0 : 1;
    }

    private sealed record Measurement(double Rate, double ConnectionsPerAddress, double RcptsPerAddress, int Wrong);

    private static async Task<Measurement> MeasureAsync(string name, int count, int domainCount, int delayMs, VerificationOptions options)
    {
        await using var env = BenchEnvironment.Start(domainCount, TimeSpan.FromMilliseconds(delayMs));
        var random = new Random(42);
        var list = Enumerable.Range(0, count)
            .Select(i => $"{(i % 5 == 0 ? "x" : "p")}{i}@{env.Domains[i % domainCount]}")
            .OrderBy(_ => random.Next())
            .ToList();
        using var dns = new MxResolver(new MxResolverOptions { Nameservers = [env.Dns.EndPoint] });
        using var verifier = new EmailVerifier(dns, new SmtpProbeSessionFactory(new SmtpProbeOptions
        {
            Port = env.Smtp.Port,
            HeloName = "bench.enrichment.test",
            MailFrom = "verify@bench.enrichment.test",
        }), DomainLists.LoadDefault(), options);

        var clock = Stopwatch.StartNew();
        var results = await verifier.VerifyAsync(list);
        clock.Stop();

        var wrong = results.Count(r => r.Status != (BenchEnvironment.Exists(r.Input) ? VerificationStatus.Deliverable : VerificationStatus.Undeliverable));
        var rate = count / clock.Elapsed.TotalSeconds;
        var measurement = new Measurement(rate, (double)env.Smtp.ConnectionCount / count, (double)env.Smtp.RcptCount / count, wrong);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-28} {clock.Elapsed.TotalSeconds,7:F2} s  {rate,8:F0} addresses/s  {env.Smtp.ConnectionCount,6} connections ({measurement.ConnectionsPerAddress:F4}/address)  {env.Smtp.RcptCount,6} RCPTs  DATA commands {env.Smtp.DataCommandCount}  wrong verdicts {wrong}"));
        return measurement;
    }

    internal static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
