using Enrichment.Verification;

namespace Enrichment.Tests.Verification;

public class VerificationStatusTests
{
    [Fact]
    public void Statuses_AreTheFourMarketerVerdicts()
    {
        Assert.Equal(
            ["Deliverable", "Risky", "Undeliverable", "Unknown"],
            Enum.GetNames<VerificationStatus>());
    }
}
