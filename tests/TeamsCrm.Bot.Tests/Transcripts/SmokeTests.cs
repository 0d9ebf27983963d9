namespace TeamsCrm.Bot.Tests.Transcripts;

public class SmokeTests
{
    [Fact]
    public async Task Help_answers_with_a_card()
    {
        await using var bot = await TeamsCrm.TestSupport.TestBot.StartAsync();
        var result = await bot.Say(TeamsCrm.TestSupport.Demo.LiNa, "help");
        Assert.Equal(200, result.Status);
        Assert.Equal("TeamsCrm help", (string?)result.SingleCard()["body"]![0]!["text"]);
    }
}
