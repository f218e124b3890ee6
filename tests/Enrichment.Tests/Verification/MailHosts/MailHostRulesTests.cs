using System.Net;
using Enrichment.Verification.MailHosts;

namespace Enrichment.Tests.Verification.MailHosts;

public class MailHostRulesTests
{
    private static readonly MxLookup TwoTargets = new("a.test", MxOutcome.Mx, [new MxRecord(10, "mx1.a.test"), new MxRecord(20, "mx2.a.test")]);

    [Fact]
    public void Combine_KeepsPreferenceOrderAndAddresses_WhenATargetResolves()
    {
        var lookup = MailHostRules.Combine(TwoTargets, [new HostLookup([], null), new HostLookup([IPAddress.Loopback], null)]);

        Assert.Equal(MxOutcome.Mx, lookup.Outcome);
        Assert.Equal(["mx1.a.test", "mx2.a.test"], lookup.Hosts.Select(h => h.Name));
        Assert.Equal([IPAddress.Loopback], lookup.Hosts[1].Addresses);
    }

    [Fact]
    public void Combine_IsMxUnresolvable_WhenEveryTargetHasNoAddress()
    {
        var lookup = MailHostRules.Combine(TwoTargets, [new HostLookup([], null), new HostLookup([], null)]);

        Assert.Equal(MxOutcome.MxUnresolvable, lookup.Outcome);
        Assert.Contains("mx1.a.test", lookup.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Combine_IsAFailure_WhenATargetLookupFailedAndNoneResolved()
    {
        var lookup = MailHostRules.Combine(TwoTargets, [new HostLookup([], null), new HostLookup([], "timeout")]);

        Assert.Equal(MxOutcome.Failed, lookup.Outcome);
        Assert.Contains("mx2.a.test: timeout", lookup.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MxOutcome.NullMx)]
    [InlineData(MxOutcome.NoDomain)]
    [InlineData(MxOutcome.NoMailHost)]
    [InlineData(MxOutcome.Failed)]
    public void Combine_PassesThrough_WhenThereAreNoTargets(MxOutcome outcome) =>
        Assert.Equal(outcome, MailHostRules.Combine(new MxLookup("a.test", outcome, []), []).Outcome);
}
