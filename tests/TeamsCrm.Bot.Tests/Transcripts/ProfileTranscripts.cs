using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Transcripts;

public class ProfileTranscripts
{
    [Fact]
    public async Task Whoami_shows_the_directory_roles_of_the_authenticated_user()
    {
        await using var bot = await TestBot.StartAsync();
        await Transcript.VerifyAsync("whoami", bot,
            Message(bot.ServiceUrl, Demo.WangFang, "whoami"),
            Message(bot.ServiceUrl, Demo.ZhangWei, "我是谁", locale: "zh-CN"),
            Message(bot.ServiceUrl, Demo.Stranger, "who am i"));
    }
}
