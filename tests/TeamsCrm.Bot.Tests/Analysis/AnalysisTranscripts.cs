using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Analysis;

/// <summary>客户分析 through the real pipeline: the sales manager sees the figures of <see cref="AnalysisSeeds"/>; a rep is refused.</summary>
public class AnalysisTranscripts
{
    /// <summary>A fixed signing key, so that the download links of the card are the same on every run.</summary>
    static readonly Dictionary<string, string?> FixedKey = new() { ["Export:SigningKey"] = Convert.ToBase64String(new byte[32]) };

    /// <summary>The analysis, and the rebuild of the monthly rollups it reads (rollups rebuild, 重建汇总): a rep may neither.</summary>
    [Theory]
    [InlineData("analysis", "en-US", "analysis")]
    [InlineData("analysis", "zh-CN", "客户分析")]
    [InlineData("rollups", "en-US", "rollups rebuild")]
    [InlineData("rollups", "zh-CN", "重建汇总")]
    public async Task The_sales_manager_is_answered_and_a_rep_is_refused(string transcript, string locale, string command)
    {
        await using var bot = await TestBot.StartAsync(now: AnalysisSeeds.Start, settings: FixedKey);
        await AnalysisSeeds.SeedAsync(bot.Archive, bot.Clock);

        await Transcript.VerifyAsync($"{transcript}.{locale}", bot,
            Message(bot.ServiceUrl, Demo.WangFang, command, locale),
            Message(bot.ServiceUrl, Demo.LiNa, command, locale));
    }
}
