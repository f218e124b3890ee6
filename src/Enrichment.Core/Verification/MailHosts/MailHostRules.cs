namespace Enrichment.Verification.MailHosts;

/// <summary>The MX rules as a pure function over the answers DNS gave: which hosts to try, or why there are none.</summary>
public static class MailHostRules
{
    /// <summary>
    /// MX records as an outcome: RFC 7505 §3, a null MX is a single record with preference 0 and the root as exchange.
    /// Root exchanges mixed with real ones are a misconfiguration (§4.1 says not to publish both); the real ones are
    /// still usable. Sorting is stable: equal preferences keep the server's order.
    /// </summary>
    public static MxLookup FromMxRecords(string domain, IReadOnlyList<MxRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var usable = records.Where(r => r.Exchange != ".").OrderBy(r => r.Preference).ToList();
        return usable.Count == 0
            ? new MxLookup(domain, MxOutcome.NullMx, [])
            : new MxLookup(domain, MxOutcome.Mx, usable);
    }

    /// <summary>
    /// Combines an MX lookup with the address lookups of its targets (same order as <see cref="MxLookup.Hosts"/>).
    /// Targets without addresses are dropped; when every target lacks one and DNS answered for all of them the domain
    /// cannot receive mail (<see cref="MxOutcome.MxUnresolvable"/>); when some lookups failed, it is a DNS failure.
    /// </summary>
    public static MailHostLookup Combine(MxLookup mx, IReadOnlyList<HostLookup> targets)
    {
        ArgumentNullException.ThrowIfNull(mx);
        ArgumentNullException.ThrowIfNull(targets);
        if (mx.Outcome is not (MxOutcome.Mx or MxOutcome.ImplicitMx))
        {
            return new MailHostLookup(mx.Domain, mx.Outcome, [], mx.Error);
        }

        if (targets.Count != mx.Hosts.Count)
        {
            throw new ArgumentException($"{targets.Count} address lookups for {mx.Hosts.Count} MX targets", nameof(targets));
        }

        var hosts = mx.Hosts.Select((h, i) => new MailHost(h.Exchange, h.Preference, targets[i].Addresses, targets[i].Error)).ToList();
        if (hosts.Any(h => h.Addresses.Count > 0))
        {
            // Unresolvable targets stay in the list: the engine names them when no reachable host answers.
            return new MailHostLookup(mx.Domain, mx.Outcome, hosts, null);
        }

        var failed = hosts.FirstOrDefault(h => h.Error is not null);
        if (failed is not null)
        {
            return new MailHostLookup(mx.Domain, MxOutcome.Failed, hosts, $"MX host {failed.Name}: {failed.Error}");
        }

        return new MailHostLookup(
            mx.Domain,
            mx.Outcome == MxOutcome.ImplicitMx ? MxOutcome.NoMailHost : MxOutcome.MxUnresolvable,
            hosts,
            $"no MX target has an address ({string.Join(", ", hosts.Select(h => h.Name))})");
    }
}
