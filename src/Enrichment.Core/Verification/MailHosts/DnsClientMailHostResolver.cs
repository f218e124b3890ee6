using System.Net;
using DnsClient;
using DnsClient.Protocol;

namespace Enrichment.Verification.MailHosts;

/// <summary>
/// Mail hosts through DnsClient's <see cref="LookupClient"/>: nameservers from configuration or resolv.conf (tried in
/// that order, not at random), TCP fallback on truncation, DnsClient's TTL cache (capped at an hour), DNS errors as
/// values. One instance is shared by every concurrent verification.
/// </summary>
public sealed class DnsClientMailHostResolver : IMailHostResolver
{
    private readonly LookupClient _client;

    public DnsClientMailHostResolver(MailHostResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Nameservers is null || options.Nameservers.Any(endpoint => endpoint is null))
        {
            throw new ArgumentException("MailHostResolverOptions.Nameservers must not be null or contain null entries.", nameof(options));
        }

        if (options.QueryTimeout <= TimeSpan.Zero || options.QueryTimeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException("MailHostResolverOptions.QueryTimeout must be positive and at most 5 minutes.", nameof(options));
        }

        if (options.Retries is < 0 or > 10)
        {
            throw new ArgumentException("MailHostResolverOptions.Retries must be between 0 and 10.", nameof(options));
        }

        if (options.Nameservers.Count == 0 && string.IsNullOrWhiteSpace(options.ResolvConfPath))
        {
            throw new ArgumentException("MailHostResolverOptions.ResolvConfPath must be set when Nameservers is empty.", nameof(options));
        }

        var endpoints = options.Nameservers.Count > 0 ? [.. options.Nameservers] : ResolvConf.ReadNameservers(options.ResolvConfPath);
        if (endpoints.Count == 0)
        {
            // resolv.conf(5): with no nameserver entries the resolver uses the name server on the local machine.
            endpoints = [new IPEndPoint(IPAddress.Loopback, 53)];
        }

        Nameservers = endpoints;
        _client = new LookupClient(new LookupClientOptions([.. endpoints.Select(e => new NameServer(e))])
        {
            Timeout = options.QueryTimeout,
            Retries = options.Retries,
            UseTcpFallback = true,
            ThrowDnsErrors = false,
            UseRandomNameServer = false,
            ContinueOnDnsError = true,
            ContinueOnEmptyResponse = false,
            UseCache = options.UseCache,
            CacheFailedResults = false,
            MaximumCacheTimeout = TimeSpan.FromHours(1),
        });
    }

    /// <summary>The nameservers in the order they are tried.</summary>
    public IReadOnlyList<IPEndPoint> Nameservers { get; }

    public async Task<MailHostLookup> ResolveAsync(string domain, CancellationToken cancellationToken)
    {
        var mx = await LookupMxAsync(domain, cancellationToken);
        var targets = await Task.WhenAll(mx.Hosts.Select(h => LookupHostAsync(h.Exchange, cancellationToken)));
        return MailHostRules.Combine(mx, targets);
    }

    /// <summary>Where mail for <paramref name="domain"/> (ASCII or punycode) is delivered, before the targets' addresses.</summary>
    public async Task<MxLookup> LookupMxAsync(string domain, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        var name = Normalize(domain);
        if (!IsValidName(name))
        {
            return new MxLookup(name, MxOutcome.Failed, [], "invalid domain name");
        }

        var (mx, error) = await QueryAsync(name, QueryType.MX, cancellationToken);
        if (mx is null)
        {
            return new MxLookup(name, MxOutcome.Failed, [], error);
        }

        if (mx.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
        {
            return new MxLookup(name, MxOutcome.NoDomain, []);
        }

        if (mx.HasError)
        {
            return new MxLookup(name, MxOutcome.Failed, [], mx.ErrorMessage);
        }

        var records = mx.Answers.MxRecords().ToList();
        if (records.Count > 0)
        {
            var hosts = records
                .Select(r => new MxRecord(r.Preference, Normalize(r.Exchange.Value)))
                .ToList();

            // RFC 7505: a single MX whose target is the root means "no mail, ever".
            if (hosts.All(h => h.Exchange == "."))
            {
                return new MxLookup(name, MxOutcome.NullMx, []);
            }

            return new MxLookup(name, MxOutcome.Mx, [.. hosts.Where(h => h.Exchange != ".").OrderBy(h => h.Preference)]);
        }

        // RFC 5321 §5.1: without MX records the domain itself is the mail host if it has an address record.
        foreach (var type in new[] { QueryType.A, QueryType.AAAA })
        {
            var (address, addressError) = await QueryAsync(name, type, cancellationToken);
            if (address is null || (address.HasError && address.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain))
            {
                return new MxLookup(name, MxOutcome.Failed, [], addressError ?? address?.ErrorMessage);
            }

            if (address.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
            {
                return new MxLookup(name, MxOutcome.NoMailHost, []);
            }

            if (address.Answers.AddressRecords().Any())
            {
                return new MxLookup(name, MxOutcome.ImplicitMx, [new MxRecord(0, name)]);
            }
        }

        return new MxLookup(name, MxOutcome.NoMailHost, []);
    }

    public async Task<HostLookup> LookupHostAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        var name = Normalize(host);
        if (!IsValidName(name))
        {
            return new HostLookup([], "invalid host name");
        }

        var addresses = new List<IPAddress>();
        var (v4, v4Error) = await QueryAsync(name, QueryType.A, cancellationToken);
        addresses.AddRange(v4?.Answers.ARecords().Select(r => r.Address) ?? []);

        // RFC 8020: NXDOMAIN means nothing exists at that name, AAAA included.
        if (v4?.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
        {
            return new HostLookup(addresses, null);
        }

        var (v6, v6Error) = await QueryAsync(name, QueryType.AAAA, cancellationToken);
        addresses.AddRange(v6?.Answers.AaaaRecords().Select(r => r.Address) ?? []);
        var v4Failed = v4 is null || v4.HasError;
        var v6Failed = v6 is null || (v6.HasError && v6.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain);
        var failed = addresses.Count == 0 && v4Failed && v6Failed;
        return new HostLookup(addresses, failed ? v4Error ?? v4?.ErrorMessage ?? "dns failure" : null);
    }

    /// <summary>
    /// One query; a timeout, an unreachable nameserver or a malformed reply becomes (null, error). DnsClient reports the
    /// caller's cancellation as a timeout too: the token tells them apart.
    /// </summary>
    private async Task<(IDnsQueryResponse? Response, string? Error)> QueryAsync(string name, QueryType type, CancellationToken cancellationToken)
    {
        try
        {
            return (await _client.QueryAsync(name, type, QueryClass.IN, cancellationToken), null);
        }
        catch (DnsResponseException ex)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return (null, ex.Code == DnsResponseCode.ConnectionTimeout ? "timeout" : ex.Message);
        }
        catch (DnsResponseParseException ex)
        {
            return (null, "malformed reply: " + ex.Message);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return (null, ex.Message);
        }
    }

    /// <summary>Lowercase, trimmed, without the trailing dot (the root stays ".").</summary>
    internal static string Normalize(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.EndsWith('.') && trimmed.Length > 1)
        {
            trimmed = trimmed[..^1];
        }

        return trimmed.ToLowerInvariant();
    }

    /// <summary>An ASCII (punycode) host name: labels of 1–63 printable characters, at most 253 in all.</summary>
    internal static bool IsValidName(string name)
    {
        if (name.Length is 0 or > 253)
        {
            return false;
        }

        foreach (var label in name.Split('.'))
        {
            if (label.Length is 0 or > 63 || label.Any(c => c is <= ' ' or >= (char)0x7F))
            {
                return false;
            }
        }

        return true;
    }
}
