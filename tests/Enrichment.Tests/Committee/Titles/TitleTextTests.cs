using Enrichment.Committee.Titles;

namespace Enrichment.Tests.Committee.Titles;

public class TitleTextTests
{
    [Theory]
    [InlineData(" former cfo ", "")]
    [InlineData(" ex-cfo ", "")]
    [InlineData(" ehemaliger geschaftsfuhrer ", "")]
    [InlineData(" ex-amazon | product manager ", " product manager ")]
    [InlineData(" ceo | ex-google ", " ceo ")]
    [InlineData(" it director (ex-ibm) ", " it director (")]
    [InlineData(" procurement manager, formerly at siemens ", " procurement manager, ")]
    [InlineData(" previously cto at foo, now advisor ", " advisor ")]
    [InlineData(" head of sales ", " head of sales ")]
    [InlineData(" exec assistant ", " exec assistant ")]
    public void Current_KeepsTheJobHeldNow(string folded, string expected)
    {
        Assert.Equal(expected, TitleText.Current(folded));
    }

    [Theory]
    [InlineData("購買部 部長", "procurement director")]
    [InlineData("副社長", "vice president")]
    [InlineData("首席信息安全官", "ciso")]
    [InlineData("首席信息官", "cio")]
    [InlineData("总经理助理", "assistant to the ceo")]
    [InlineData("구매팀장", "procurement team lead")]
    [InlineData("نائب الرئيس للمبيعات", "vice president sales")]
    [InlineData("IT经理", "it manager")]
    public void Tokens_ReadJapaneseChineseKoreanAndArabicThroughTheGlossary(string title, string expected)
    {
        Assert.Equal(expected, string.Join(' ', TitleText.Tokens(title)));
    }
}
