using Enrichment.Service.Dashboard;
using Enrichment.Service.Lists;
using Enrichment.Storage.Lists;

namespace Enrichment.Service.Tests.Dashboard;

public sealed class ListEtaTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 30, 14, 0, 0, TimeSpan.Zero);

    static ListRecord List(string state, int settled = 0, DateTime? started = null, DateTime? completed = null) => new()
    {
        Id = 1, State = state, RowsTotal = 1000, RowsSettled = settled, StartedAt = started, CompletedAt = completed,
    };

    public static TheoryData<string, int, int?, int?, int?, string> Cases => new()
    {
        // state, settled, started minutes ago, completed minutes ago, next retry in minutes, expected
        { "queued", 0, null, null, null, "queued, not started" },
        { "importing", 0, null, null, null, "importing" },
        { "running", 0, 1, null, null, "estimating" },
        { "running", 500, 10, null, null, "about 10 min left" },
        { "running", 500, 10, null, 32, "about 10 min left; greylisted domains retry from 14:32 UTC" },
        { "waiting_retry", 900, 10, null, 32, "waiting for greylisting retry until 14:32 UTC" },
        { "complete", 1000, 10, 5, null, "done in 5 min" },
        { "cancelled", 10, 10, 5, null, "cancelled" },
        { "failed", 10, 10, 5, null, "failed" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Describe_SaysWhatAPersonWantsToKnow(string state, int settled, int? startedAgo, int? completedAgo, int? retryIn, string expected)
    {
        var list = List(state, settled, startedAgo is { } s ? Now.UtcDateTime.AddMinutes(-s) : null, completedAgo is { } c ? Now.UtcDateTime.AddMinutes(-c) : null);
        var retry = retryIn is { } r ? Now.UtcDateTime.AddMinutes(r) : (DateTime?)null;
        Assert.Equal(expected, ListEta.Describe(list, ListProgress.Of(list, Now), retry, Now));
    }

    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(89, "89 s")]
    [InlineData(600, "10 min")]
    [InlineData(11_100, "3 h 5 min")]
    public void Duration_IsShort(double seconds, string expected) => Assert.Equal(expected, ListEta.Duration(seconds));

    [Fact]
    public void Clock_NamesTheDayWhenNotToday() =>
        Assert.Equal("Dec 2 09:05 UTC", ListEta.Clock(new DateTime(2026, 12, 2, 9, 5, 0, DateTimeKind.Utc), Now));

    [Fact]
    public void RowsPerSecond_OfACompleteList_IsItsAverage()
    {
        var list = List("complete", 1000, Now.UtcDateTime.AddSeconds(-100), Now.UtcDateTime);
        Assert.Equal(10, ListEta.RowsPerSecond(list, ListProgress.Of(list, Now)));
        Assert.Null(ListEta.RowsPerSecond(List("queued"), ListProgress.Of(List("queued"), Now)));
    }
}
