using System.Globalization;
using TeamsCrm.Bot.Cards;

namespace TeamsCrm.Bot.Tests.Cards;

public class LocalisationTests
{
    [Fact]
    public void English_and_Chinese_have_the_same_keys() =>
        Assert.Equal(T.Keys(T.English).Order(StringComparer.Ordinal), T.Keys(T.Chinese).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh-cn", "zh-CN")]
    [InlineData("zh-Hans", "zh-CN")]
    [InlineData("zh", "zh-CN")]
    [InlineData("en-US", "en")]
    [InlineData("de-DE", "en")]
    [InlineData(null, "en")]
    public void Locale_picks_the_language(string? locale, string expected) => Assert.Equal(expected, T.CultureFor(locale).Name);

    [Fact]
    public void Chinese_text_is_Chinese() => Assert.Equal("TeamsCrm 帮助", T.Get(T.Chinese, "help.title"));

    [Fact]
    public void Every_role_has_a_name_in_both_languages()
    {
        foreach (var role in Enum.GetValues<TeamsCrm.Bot.Directory.Role>())
        foreach (var c in new[] { T.English, T.Chinese })
            Assert.False(string.IsNullOrWhiteSpace(T.Get(c, "role." + role)));
    }

    [Fact]
    public void Arguments_are_formatted_in_the_readers_culture() =>
        Assert.Contains("“x”", T.Get(CultureInfo.GetCultureInfo("zh-CN"), "help.notUnderstood", "x"), StringComparison.Ordinal);
}
