using Enrichment.Verification.Smtp;

namespace Enrichment.Tests.Verification.Smtp;

public class EnhancedStatusTests
{
    [Theory]
    [InlineData("5.1.1 User unknown", 5, 1, 1, 6)]
    [InlineData("2.1.5 OK", 2, 1, 5, 6)]
    [InlineData("4.7.1 Greylisted", 4, 7, 1, 6)]
    [InlineData("2.0.0", 2, 0, 0, 5)]
    [InlineData("5.7.26 Unauthenticated email", 5, 7, 26, 7)]
    [InlineData("5.123.999 x", 5, 123, 999, 10)]
    [InlineData("4.4.2  two spaces", 4, 4, 2, 6)]
    public void TryParse_ReadsCodeAndFollowingSpace_WhenTextStartsWithStatus(
        string text, int expectedClass, int subject, int detail, int expectedConsumed)
    {
        Assert.True(EnhancedStatus.TryParse(text, out var status, out var consumed));
        Assert.Equal(new EnhancedStatus(expectedClass, subject, detail), status);
        Assert.Equal(expectedConsumed, consumed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("OK")]
    [InlineData("5.1")]
    [InlineData("5.1.")]
    [InlineData("5..1 x")]
    [InlineData("1.1.1 class one does not exist")]
    [InlineData("3.1.1 class three does not exist")]
    [InlineData("5.1.1.1 too many parts")]
    [InlineData("5.1234.1 subject too long")]
    [InlineData("5.1.1234 detail too long")]
    [InlineData("5.1.1x")]
    [InlineData("10.0.0.1 hello")]
    [InlineData("x.1.1 y")]
    [InlineData(" 5.1.1 leading space")]
    public void TryParse_ReturnsFalse_WhenTextDoesNotStartWithStatus(string text)
    {
        Assert.False(EnhancedStatus.TryParse(text, out var status, out var consumed));
        Assert.Equal(default, status);
        Assert.Equal(0, consumed);
    }

    [Theory]
    [InlineData(5, 1, 1, "5.1.1")]
    [InlineData(2, 0, 0, "2.0.0")]
    [InlineData(5, 7, 26, "5.7.26")]
    public void ToString_IsDottedTriple(int statusClass, int subject, int detail, string expected)
    {
        Assert.Equal(expected, new EnhancedStatus(statusClass, subject, detail).ToString());
    }
}
