using Enrichment.Verification.MailHosts;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Enrichment.Verification.Dns;

/// <summary>
/// Finds the mail hosts of a domain by asking recursive nameservers directly (RFC 1035 over UDP, TCP on truncation).
/// Thread-safe: one instance is meant to be shared by all concurrent verifications; answers are cached for their TTL
/// and concurrent lookups of the same name share one query.
/// </summary>
public sealed class MxResolver : IMailHostResolver, IDisposable
{
    /// <summary>Upper bound on any cached answer, whatever TTL the zone publishes.</summary>
    internal static readonly TimeSpan MaxPositiveTtl = TimeSpan.FromHours(1);

    /// <summary>Upper bound on cached NXDOMAIN/NODATA answers; also used when the reply carries no SOA.</summary>
    internal static readonly TimeSpan MaxNegativeTtl = TimeSpan.FromSeconds(60);

    private static readonly DnsRecordType[] AddressTypes = [DnsRecordType.A, DnsRecordType.Aaaa];

    // CNAME chains longer than this are treated as broken (loops included).
    private const int MaxCnameHops = 8;

    // Past this many entries, expired ones are swept before adding more; a full sweep that frees nothing clears all.
    private const int CacheSoftLimit = 50_000;

    private readonly IReadOnlyList<IPEndPoint> _nameservers;
    private readonly int _retries;
    private readonly TimeProvider _time;
    private readonly DnsTransport _transport;
    private readonly ConcurrentDictionary<(string Name, DnsRecordType Type), CachedAnswer> _cache = new();
    private readonly ConcurrentDictionary<(string Name, DnsRecordType Type), Lazy<Task<DnsAnswer>>> _inFlight = new();
    private readonly CancellationTokenSource _disposed = new();

    public MxResolver(MxResolverOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Nameservers is null || options.Nameservers.Any(endpoint => endpoint is null))
        {
            throw new ArgumentException("MxResolverOptions.Nameservers must not be null or contain null entries.", nameof(options));
        }

        if (options.QueryTimeout <= TimeSpan.Zero || options.QueryTimeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException("MxResolverOptions.QueryTimeout must be positive and at most 5 minutes.", nameof(options));
        }

        if (options.Retries is < 0 or > 10)
        {
            throw new ArgumentException("MxResolverOptions.Retries must be between 0 and 10.", nameof(options));
        }

        if (options.Nameservers.Count == 0 && string.IsNullOrWhiteSpace(options.ResolvConfPath))
        {
            throw new ArgumentException(
                "MxResolverOptions.ResolvConfPath must be set when MxResolverOptions.Nameservers is empty.", nameof(options));
        }

        _time = time ?? TimeProvider.System;
        _retries = options.Retries;
        _transport = new DnsTransport(options.QueryTimeout, _time);
        _nameservers = options.Nameservers.Count > 0 ? [.. options.Nameservers] : ReadResolvConf(options.ResolvConfPath);
        if (_nameservers.Count == 0)
        {
            // resolv.conf(5): with no nameserver entries the resolver uses the name server on the local machine.
            _nameservers = [new IPEndPoint(IPAddress.Loopback, 53)];
        }
    }

    /// <summary>The nameservers in the order they are tried.</summary>
    public IReadOnlyList<IPEndPoint> Nameservers => _nameservers;

    /// <summary>Looks up where mail for <paramref name="domain"/> (ASCII or punycode) is delivered.</summary>
    public async Task<MxLookup> LookupAsync(string domain, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var name = Normalize(domain);
        if (!DnsQueryWriter.IsValidName(name))
        {
            return new MxLookup(name, MxOutcome.Failed, [], "invalid domain name");
        }

        var mx = await QueryAsync(name, DnsRecordType.Mx, cancellationToken);
        switch (mx.Kind)
        {
            case DnsAnswerKind.Failed:
                return new MxLookup(name, MxOutcome.Failed, [], mx.Error);
            case DnsAnswerKind.NameError:
                return new MxLookup(name, MxOutcome.NoDomain, []);
            case DnsAnswerKind.Records:
                return FromMxRecords(name, [.. mx.Records.OfType<MxResourceRecord>().Select(r => new MxRecord(r.Preference, r.Exchange))]);
        }

        // RFC 5321 §5.1: without MX records the domain itself is the mail host if it has an address record.
        foreach (var addressType in AddressTypes)
        {
            var address = await QueryAsync(name, addressType, cancellationToken);
            switch (address.Kind)
            {
                case DnsAnswerKind.Failed:
                    return new MxLookup(name, MxOutcome.Failed, [], address.Error);
                case DnsAnswerKind.Records:
                    return new MxLookup(name, MxOutcome.ImplicitMx, [new MxRecord(0, name)]);
                case DnsAnswerKind.NameError:
                    return new MxLookup(name, MxOutcome.NoMailHost, []);
            }
        }

        return new MxLookup(name, MxOutcome.NoMailHost, []);
    }

    /// <summary>The MX lookup with every target's addresses, combined by <see cref="MailHostRules"/>.</summary>
    public async Task<MailHostLookup> ResolveAsync(string domain, CancellationToken cancellationToken)
    {
        var mx = await LookupAsync(domain, cancellationToken);
        var targets = await Task.WhenAll(mx.Hosts.Select(h => LookupHostAsync(h.Exchange, cancellationToken)));
        return MailHostRules.Combine(mx, targets);
    }

    /// <summary>IPv4 addresses, then IPv6 addresses, of <paramref name="host"/>; empty when there are none or DNS failed.</summary>
    public async Task<IReadOnlyList<IPAddress>> ResolveHostAsync(string host, CancellationToken cancellationToken = default) =>
        (await LookupHostAsync(host, cancellationToken)).Addresses;

    /// <summary>
    /// IPv4 addresses, then IPv6 addresses, of <paramref name="host"/>, telling "no address" apart from "DNS did not
    /// answer" (<see cref="HostLookup.Error"/> set when no query succeeded).
    /// </summary>
    public async Task<HostLookup> LookupHostAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var name = Normalize(host);
        if (!DnsQueryWriter.IsValidName(name))
        {
            return new HostLookup([], "invalid host name");
        }

        var addresses = new List<IPAddress>();
        var v4 = await QueryAsync(name, DnsRecordType.A, cancellationToken);
        addresses.AddRange(v4.Records.OfType<AddressResourceRecord>().Select(r => r.Address));

        // RFC 8020: NXDOMAIN means nothing exists at that name, AAAA included.
        if (v4.Kind == DnsAnswerKind.NameError)
        {
            return new HostLookup(addresses, null);
        }

        var v6 = await QueryAsync(name, DnsRecordType.Aaaa, cancellationToken);
        addresses.AddRange(v6.Records.OfType<AddressResourceRecord>().Select(r => r.Address));
        var failed = addresses.Count == 0 && v4.Kind == DnsAnswerKind.Failed && v6.Kind == DnsAnswerKind.Failed;
        return new HostLookup(addresses, failed ? v4.Error ?? "dns failure" : null);
    }

    /// <summary>
    /// The "nameserver" lines of a resolv.conf(5) file as port-53 endpoints, in file order. A missing or unreadable
    /// file yields an empty list; malformed lines are skipped.
    /// </summary>
    public static IReadOnlyList<IPEndPoint> ReadResolvConf(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var nameservers = new List<IPEndPoint>();
        foreach (var rawLine in lines)
        {
            var line = rawLine.AsSpan();
            var comment = line.IndexOfAny('#', ';');
            if (comment >= 0)
            {
                line = line[..comment];
            }

            var fields = line.ToString().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2
                && string.Equals(fields[0], "nameserver", StringComparison.Ordinal)
                && IPAddress.TryParse(fields[1], out var address))
            {
                nameservers.Add(new IPEndPoint(address, 53));
            }
        }

        return nameservers;
    }

    public void Dispose()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
        }

        _disposed.Dispose();
    }

    /// <summary>Classifies a non-empty MX RRset: RFC 7505 null MX, otherwise hosts by preference (stable).</summary>
    internal static MxLookup FromMxRecords(string domain, IReadOnlyList<MxRecord> records)
    {
        // RFC 7505 §3: a null MX is a single record with preference 0 and the root as exchange. Root exchanges mixed
        // with real ones are a misconfiguration (§4.1 says not to publish both); the real ones are still usable.
        var usable = records.Where(r => r.Exchange != ".").OrderBy(r => r.Preference).ToList();
        return usable.Count == 0
            ? new MxLookup(domain, MxOutcome.NullMx, [])
            : new MxLookup(domain, MxOutcome.Mx, usable);
    }

    /// <summary>Lowercases ASCII letters (DNS is case-insensitive only over ASCII, RFC 4343) and drops a trailing dot.</summary>
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
                var c = source[i];
                destination[i] = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
            }
        });
    }

    private async Task<DnsAnswer> QueryAsync(string name, DnsRecordType type, CancellationToken cancellationToken)
    {
        var key = (name, type);
        if (TryGetCached(key, out var cached))
        {
            return cached;
        }

        // Concurrent lookups of one name share a single query; it runs on the resolver's lifetime, not on one
        // caller's token, so a caller that gives up does not fail the others.
        var shared = _inFlight.GetOrAdd(key, k => new Lazy<Task<DnsAnswer>>(() => ResolveAndCacheAsync(k)));
        return await shared.Value.WaitAsync(cancellationToken);
    }

    private async Task<DnsAnswer> ResolveAndCacheAsync((string Name, DnsRecordType Type) key)
    {
        try
        {
            // Another caller may have finished this query between our cache check and our registration.
            if (TryGetCached(key, out var cached))
            {
                return cached;
            }

            var answer = await ResolveAsync(key.Name, key.Type, _disposed.Token);
            Store(key, answer);
            return answer;
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    /// <summary>Asks the nameservers, following CNAMEs (RFC 1034 §3.6.2) across replies when a reply stops short.</summary>
    private async Task<DnsAnswer> ResolveAsync(string name, DnsRecordType type, CancellationToken cancellationToken)
    {
        var current = name;
        var chainTtl = (uint)MaxPositiveTtl.TotalSeconds;
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        for (var hop = 0; hop < MaxCnameHops; hop++)
        {
            var (reply, error) = await QueryNameserversAsync(current, type, cancellationToken);
            if (reply is null)
            {
                return DnsAnswer.Failure(error);
            }

            // The answer section may hold the whole chain: CNAME owner -> target, then the records of the target.
            for (var link = 0; link < MaxCnameHops; link++)
            {
                var cname = reply.Answers.OfType<CnameResourceRecord>()
                    .FirstOrDefault(r => string.Equals(r.Name, current, StringComparison.Ordinal));
                if (cname is null)
                {
                    break;
                }

                if (!seen.Add(cname.Target))
                {
                    return DnsAnswer.Failure("cname loop");
                }

                if (!DnsQueryWriter.IsValidName(cname.Target))
                {
                    // A target we could not even ask about (root, over-long label): a broken zone, not a crash.
                    return DnsAnswer.Failure("invalid cname target");
                }

                chainTtl = Math.Min(chainTtl, cname.Ttl);
                current = cname.Target;
            }

            var records = reply.Answers
                .Where(r => string.Equals(r.Name, current, StringComparison.Ordinal) && HasType(r, type))
                .ToList();
            if (records.Count > 0)
            {
                var ttl = Math.Min(chainTtl, records.Min(r => r.Ttl));
                CacheGlue(reply, records);
                return new DnsAnswer(DnsAnswerKind.Records, records, current, TimeSpan.FromSeconds(ttl), null);
            }

            var negativeTtl = NegativeTtl(reply);
            if (reply.ResponseCode == DnsResponseCode.NameError)
            {
                return new DnsAnswer(DnsAnswerKind.NameError, [], current, negativeTtl, null);
            }

            // NOERROR with nothing for the name we ended on: NODATA, unless a CNAME pointed elsewhere and the
            // server did not chase it (then ask about the target ourselves).
            if (string.Equals(current, name, StringComparison.Ordinal) || reply.Answers.Count == 0
                || !reply.Answers.OfType<CnameResourceRecord>().Any(r => string.Equals(r.Target, current, StringComparison.Ordinal)))
            {
                return new DnsAnswer(DnsAnswerKind.NoData, [], current, negativeTtl, null);
            }
        }

        return DnsAnswer.Failure("cname chain too long");
    }

    /// <summary>Each nameserver in turn; timeouts are retried on the same server, other failures move on.</summary>
    private async Task<(DnsMessage? Reply, string Error)> QueryNameserversAsync(
        string name, DnsRecordType type, CancellationToken cancellationToken)
    {
        var error = "no nameservers";
        foreach (var server in _nameservers)
        {
            for (var attempt = 0; attempt <= _retries; attempt++)
            {
                DnsMessage reply;
                try
                {
                    reply = await _transport.ExchangeAsync(server, name, type, cancellationToken);
                }
                catch (TimeoutException)
                {
                    error = "timeout";
                    continue;
                }
                catch (DnsFormatException exception)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    error = "malformed reply: " + exception.Message;
                    break;
                }
                catch (SocketException exception)
                {
                    error = "network error: " + exception.SocketErrorCode;
                    break;
                }

                switch (reply.ResponseCode)
                {
                    case DnsResponseCode.NoError:
                    case DnsResponseCode.NameError:
                        return (reply, error);
                    case DnsResponseCode.ServerFailure:
                        error = "servfail";
                        break;
                    case DnsResponseCode.Refused:
                        error = "refused";
                        break;
                    default:
                        error = "rcode " + ((int)reply.ResponseCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        break;
                }

                break;
            }
        }

        return (null, error);
    }

    /// <summary>RFC 2308 §5: a negative answer lives for min(SOA TTL, SOA MINIMUM); capped, and 60 s without an SOA.</summary>
    private static TimeSpan NegativeTtl(DnsMessage reply)
    {
        var soa = reply.Authorities.OfType<SoaResourceRecord>().FirstOrDefault();
        if (soa is null)
        {
            return MaxNegativeTtl;
        }

        var seconds = TimeSpan.FromSeconds(Math.Min(soa.Ttl, soa.Minimum));
        return seconds < MaxNegativeTtl ? seconds : MaxNegativeTtl;
    }

    /// <summary>
    /// Address records of the MX hosts from the additional section, cached as if asked for. Only names that are
    /// exchanges in this very answer are accepted, so a server cannot plant addresses for unrelated names.
    /// </summary>
    private void CacheGlue(DnsMessage reply, List<DnsResourceRecord> records)
    {
        var exchanges = records.OfType<MxResourceRecord>().Select(r => r.Exchange).ToHashSet(StringComparer.Ordinal);
        if (exchanges.Count == 0)
        {
            return;
        }

        var glue = reply.Additionals.OfType<AddressResourceRecord>()
            .Where(r => exchanges.Contains(r.Name))
            .GroupBy(r => (r.Name, Type: r.Address.AddressFamily == AddressFamily.InterNetwork ? DnsRecordType.A : DnsRecordType.Aaaa));
        foreach (var group in glue)
        {
            var addresses = group.ToList<DnsResourceRecord>();
            Store(group.Key, new DnsAnswer(DnsAnswerKind.Records, addresses, group.Key.Name, TimeSpan.FromSeconds(addresses.Min(r => r.Ttl)), null));
        }
    }

    private static bool HasType(DnsResourceRecord record, DnsRecordType type) => type switch
    {
        DnsRecordType.Mx => record is MxResourceRecord,
        DnsRecordType.A => record is AddressResourceRecord { Address.AddressFamily: AddressFamily.InterNetwork },
        DnsRecordType.Aaaa => record is AddressResourceRecord { Address.AddressFamily: AddressFamily.InterNetworkV6 },
        DnsRecordType.Cname => record is CnameResourceRecord,
        _ => false,
    };

    private bool TryGetCached((string Name, DnsRecordType Type) key, out DnsAnswer answer)
    {
        if (_cache.TryGetValue(key, out var entry))
        {
            if (entry.Expires > _time.GetUtcNow())
            {
                answer = entry.Answer;
                return true;
            }

            _cache.TryRemove(KeyValuePair.Create(key, entry));
        }

        answer = null!;
        return false;
    }

    private void Store((string Name, DnsRecordType Type) key, DnsAnswer answer)
    {
        // Failures are not cached: the next verification deserves a fresh try. TTL 0 means "do not cache".
        if (answer.Kind == DnsAnswerKind.Failed || answer.Ttl <= TimeSpan.Zero)
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (_cache.Count >= CacheSoftLimit)
        {
            foreach (var entry in _cache)
            {
                if (entry.Value.Expires <= now)
                {
                    _cache.TryRemove(entry);
                }
            }

            if (_cache.Count >= CacheSoftLimit)
            {
                _cache.Clear();
            }
        }

        var ttl = answer.Ttl < MaxPositiveTtl ? answer.Ttl : MaxPositiveTtl;
        _cache[key] = new CachedAnswer(answer, now + ttl);
    }

    private sealed record CachedAnswer(DnsAnswer Answer, DateTimeOffset Expires);
}

internal enum DnsAnswerKind
{
    Records,
    NoData,
    NameError,
    Failed,
}

/// <summary>The resolved answer for one (name, type) after following CNAMEs; <see cref="Ttl"/> is how long to keep it.</summary>
internal sealed record DnsAnswer(
    DnsAnswerKind Kind,
    IReadOnlyList<DnsResourceRecord> Records,
    string CanonicalName,
    TimeSpan Ttl,
    string? Error)
{
    public static DnsAnswer Failure(string error) => new(DnsAnswerKind.Failed, [], string.Empty, TimeSpan.Zero, error);
}
