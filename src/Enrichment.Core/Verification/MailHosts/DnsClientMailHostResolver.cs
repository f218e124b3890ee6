using System.Collections.Concurrent;
using System.Net;
using DnsClient;
using DnsClient.Protocol;

namespace Enrichment.Verification.MailHosts;

/// <summary>
/// Mail hosts through DnsClient's <see cref="LookupClient"/>: nameservers from configuration or resolv.conf (tried in
/// that order, not at random), TCP fallback on truncation, DnsClient's TTL cache (capped at an hour), DNS errors as
/// values. One instance is shared by every concurrent verification: concurrent lookups of one domain share one set of
/// queries, and NXDOMAIN / no-mail-host answers are remembered for their negative TTL (RFC 2308, capped), which
/// DnsClient's cache does not do.
/// </summary>
public sealed class DnsClientMailHostResolver : IMailHostResolver
{
    // CNAME chains longer than this are treated as broken.
    private const int MaxCnameHops = 8;

    private readonly LookupClient _client;
    private readonly MailHostResolverOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Lazy<Task<MailHostLookup>>> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (MailHostLookup Lookup, DateTimeOffset Until)> _negative = new(StringComparer.Ordinal);

    public DnsClientMailHostResolver(MailHostResolverOptions options, TimeProvider? time = null)
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

        if (options.MaxNegativeTtl < TimeSpan.Zero || options.MaxNegativeEntries < 0)
        {
            throw new ArgumentException("MailHostResolverOptions.MaxNegativeTtl and MaxNegativeEntries must not be negative.", nameof(options));
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
        _options = options;
        _time = time ?? TimeProvider.System;
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
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        var key = Normalize(domain);
        if (_negative.TryGetValue(key, out var remembered))
        {
            if (_time.GetUtcNow() < remembered.Until)
            {
                return remembered.Lookup;
            }

            _negative.TryRemove(new KeyValuePair<string, (MailHostLookup, DateTimeOffset)>(key, remembered));
        }

        // Concurrent lookups of one domain (its batches, the finder's guesses) share one set of queries. The shared
        // lookup is not tied to any one caller's token (each query has its own timeout): a caller that gives up
        // stops waiting without failing the others.
        var mine = new Lazy<Task<MailHostLookup>>(() => ResolveSharedAsync(key));
        var shared = _inFlight.GetOrAdd(key, mine);
        if (ReferenceEquals(shared, mine))
        {
            // Only the entry's creator takes it out again, and only its own entry.
            _ = mine.Value.ContinueWith(
                _ => _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<MailHostLookup>>>(key, mine)),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return await shared.Value.WaitAsync(cancellationToken);
    }

    private async Task<MailHostLookup> ResolveSharedAsync(string domain)
    {
        var mx = await LookupMxAsync(domain, CancellationToken.None);
        var targets = await Task.WhenAll(mx.Hosts.Select(h => LookupHostAsync(h.Exchange, CancellationToken.None)));
        var lookup = MailHostRules.Combine(mx, targets);
        Remember(lookup, mx.NegativeTtl);
        return lookup;
    }

    /// <summary>Keeps NXDOMAIN and no-mail-host answers for their negative TTL, capped (RFC 2308 §5).</summary>
    private void Remember(MailHostLookup lookup, TimeSpan? negativeTtl)
    {
        if (!_options.UseCache || lookup.Outcome is not (MxOutcome.NoDomain or MxOutcome.NoMailHost) || negativeTtl is not { } ttl)
        {
            return;
        }

        var keep = ttl < _options.MaxNegativeTtl ? ttl : _options.MaxNegativeTtl;
        if (keep <= TimeSpan.Zero || _options.MaxNegativeEntries == 0)
        {
            return;
        }

        if (_negative.Count >= _options.MaxNegativeEntries)
        {
            var now = _time.GetUtcNow();
            foreach (var (name, entry) in _negative)
            {
                if (entry.Until <= now)
                {
                    _negative.TryRemove(name, out _);
                }
            }

            if (_negative.Count >= _options.MaxNegativeEntries)
            {
                _negative.Clear(); // a flood of dead domains: start over rather than grow
            }
        }

        _negative[lookup.Domain] = (lookup, _time.GetUtcNow() + keep);
    }

    /// <summary>RFC 2308 §5: a negative answer lives for min(SOA TTL, SOA MINIMUM); without an SOA it is not cached.</summary>
    private static TimeSpan? NegativeTtl(IDnsQueryResponse response)
    {
        var soa = response.Authorities.SoaRecords().FirstOrDefault();
        return soa is null ? null : TimeSpan.FromSeconds(Math.Min((long)soa.InitialTimeToLive, soa.Minimum));
    }

    private static TimeSpan? Shorter(TimeSpan? a, TimeSpan? b) => a is { } x && b is { } y ? (x < y ? x : y) : null;

    /// <summary>Where mail for <paramref name="domain"/> (ASCII or punycode) is delivered, before the targets' addresses.</summary>
    public async Task<MxLookup> LookupMxAsync(string domain, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        var name = Normalize(domain);
        if (!IsValidName(name))
        {
            return new MxLookup(name, MxOutcome.Failed, [], "invalid domain name");
        }

        // A recursive resolver follows CNAMEs for us; one that stops at the alias gets asked about its target (bounded).
        var current = name;
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        IDnsQueryResponse? mx = null;
        for (var hop = 0; ; hop++)
        {
            var (response, error) = await QueryAsync(current, QueryType.MX, cancellationToken);
            if (response is null)
            {
                return new MxLookup(name, MxOutcome.Failed, [], error);
            }

            mx = response;
            if (response.HasError || response.Answers.MxRecords().Any())
            {
                break;
            }

            var aliases = response.Answers.CnameRecords().ToDictionary(c => Normalize(c.DomainName.Value), c => Normalize(c.CanonicalName.Value), StringComparer.Ordinal);
            var target = current;
            while (aliases.TryGetValue(target, out var next) && seen.Add(next))
            {
                target = next;
            }

            if (aliases.TryGetValue(target, out var looped) && seen.Contains(looped))
            {
                return new MxLookup(name, MxOutcome.Failed, [], "cname loop");
            }

            if (target == current)
            {
                break; // no alias: NODATA for MX
            }

            if (target == "." || !IsValidName(target))
            {
                return new MxLookup(name, MxOutcome.Failed, [], "invalid cname target");
            }

            if (hop >= MaxCnameHops)
            {
                return new MxLookup(name, MxOutcome.Failed, [], "cname chain too long");
            }

            current = target;
        }

        if (mx.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
        {
            return new MxLookup(name, MxOutcome.NoDomain, [], NegativeTtl: NegativeTtl(mx));
        }

        if (mx.HasError)
        {
            return new MxLookup(name, MxOutcome.Failed, [], ErrorText(mx));
        }

        var records = mx.Answers.MxRecords().Select(r => new MxRecord(r.Preference, Normalize(r.Exchange.Value))).ToList();
        if (records.Count > 0)
        {
            return MailHostRules.FromMxRecords(name, records);
        }

        // RFC 5321 §5.1: without MX records the domain itself is the mail host if it has an address record.
        var negativeTtl = NegativeTtl(mx);
        foreach (var type in new[] { QueryType.A, QueryType.AAAA })
        {
            var (address, addressError) = await QueryAsync(name, type, cancellationToken);
            if (address is null || (address.HasError && address.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain))
            {
                return new MxLookup(name, MxOutcome.Failed, [], addressError ?? (address is null ? null : ErrorText(address)));
            }

            if (address.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
            {
                return new MxLookup(name, MxOutcome.NoMailHost, [], NegativeTtl: Shorter(negativeTtl, NegativeTtl(address)));
            }

            if (address.Answers.AddressRecords().Any())
            {
                return new MxLookup(name, MxOutcome.ImplicitMx, [new MxRecord(0, name)]);
            }

            negativeTtl = Shorter(negativeTtl, NegativeTtl(address));
        }

        return new MxLookup(name, MxOutcome.NoMailHost, [], NegativeTtl: negativeTtl);
    }

    public async Task<HostLookup> LookupHostAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        var name = Normalize(host);
        if (!IsValidName(name))
        {
            return new HostLookup([], "invalid host name");
        }

        // A and AAAA at once (one round trip, not two; RFC 8305 asks the same of connecting clients).
        var asking4 = QueryAsync(name, QueryType.A, cancellationToken);
        var asking6 = QueryAsync(name, QueryType.AAAA, cancellationToken);
        var (v4, v4Error) = await asking4;
        var (v6, v6Error) = await asking6;
        var addresses = new List<IPAddress>();
        addresses.AddRange(v4?.Answers.ARecords().Select(r => r.Address) ?? []);

        // RFC 8020: NXDOMAIN means nothing exists at that name, AAAA included.
        if (v4?.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
        {
            return new HostLookup(addresses, null);
        }

        addresses.AddRange(v6?.Answers.AaaaRecords().Select(r => r.Address) ?? []);
        var v4Failed = v4 is null || v4.HasError;
        var v6Failed = v6 is null || (v6.HasError && v6.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain);
        var failed = addresses.Count == 0 && v4Failed && v6Failed;
        return new HostLookup(addresses, failed ? v4Error ?? (v4 is null ? null : ErrorText(v4)) ?? "dns failure" : null);
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
        catch (DnsXidMismatchException)
        {
            // A reply whose id is not ours (late, or forged): never believed.
            cancellationToken.ThrowIfCancellationRequested();
            return (null, "reply id mismatch");
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return (null, ex.Message);
        }
    }

    /// <summary>Short, stable error words for the rcodes that matter ("servfail", "refused").</summary>
    private static string ErrorText(IDnsQueryResponse response) => response.Header.ResponseCode switch
    {
        DnsHeaderResponseCode.ServerFailure => "servfail",
        DnsHeaderResponseCode.Refused => "refused",
        DnsHeaderResponseCode.FormatError => "formerr",
        DnsHeaderResponseCode.NotImplemented => "notimp",
        var code => code.ToString().ToLowerInvariant(),
    };

    /// <summary>Lowercases ASCII letters (DNS is case-insensitive only over ASCII, RFC 4343), trims and drops a trailing dot.</summary>
    internal static string Normalize(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.EndsWith('.') && trimmed.Length > 1)
        {
            trimmed = trimmed[..^1];
        }

        return string.Create(trimmed.Length, trimmed, static (destination, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                destination[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
            }
        });
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
