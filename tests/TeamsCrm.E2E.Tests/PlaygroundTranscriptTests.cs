using TeamsCrm.TestSupport;

namespace TeamsCrm.E2E.Tests;

/// <summary>
/// Li Na talks to the real bot through the real local Teams client (the Agents Playground, as configured in
/// .m365agentsplayground.yml): what she types goes through the playground's activity generator and mock
/// Bot Connector, and what she sees is what the playground's UI would render. Each test starts its own bot
/// and playground, so nothing carries over between tests.
/// </summary>
public sealed class PlaygroundTranscriptTests
{
    const string LiNaChat = "a:demo-personal-li-na";   // personalChat.id in .m365agentsplayground.yml
    static readonly string LiNa = Demo.LiNa.TeamsId;    // currentUser.id there

    [Fact]
    public async Task Li_Na_asks_for_help_and_opens_topics_from_the_card()
    {
        await using var bot = await TestBot.StartAsync();
        await using var playground = await PlaygroundProcess.StartAsync(bot.BaseUrl);
        await using var chat = await playground.ConnectAsync();

        await chat.SayAsync(LiNaChat, LiNa, "help");
        var help = await chat.WaitForAsync("help card", m => m.Action == PlaygroundMessage.Created && m.CardTitle == "TeamsCrm help");
        Assert.Equal(LiNaChat, help.ConversationId);
        Assert.Equal(Demo.BotId, help.FromId);

        // Action.Execute: the HTTP answer is the bot's invoke response (the playground drops its statusCode).
        // 0.2.28 emits no updateMessage for it: its UI swaps the card from this answer itself.
        var customers = AdaptiveCardJson.Button(help.Card!, "Customer files");
        Assert.Equal(("Action.Execute", "help.topic", "customers"), (customers.Type, customers.Verb, (string?)customers.Data["topic"]));
        var answer = await chat.ExecuteAsync(LiNaChat, LiNa, help.MessageId, customers);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);
        Assert.Equal("Customer files", AdaptiveCardJson.Title(answer["value"]!));

        // Action.Submit, as a client without Universal Actions sends it: the bot updates the card in place.
        var visits = AdaptiveCardJson.Button(help.Card!, "Visits and plans");
        Assert.Equal("help.topic", (string?)visits.SubmitData["verb"]);
        await chat.SubmitAsync(LiNaChat, LiNa, help.MessageId, visits);
        var updated = await chat.WaitForAsync("help card updated to a topic", m => m.Action == PlaygroundMessage.Updated && m.MessageId == help.MessageId);
        Assert.Equal("Visits and plans", updated.CardTitle);
        Assert.NotNull(AdaptiveCardJson.Button(updated.Card!, "Back to help"));
    }

    [Fact]
    public async Task Whoami_shows_Li_Nas_roles_and_direct_leader()
    {
        await using var bot = await TestBot.StartAsync();
        await using var playground = await PlaygroundProcess.StartAsync(bot.BaseUrl);
        await using var chat = await playground.ConnectAsync();

        await chat.SayAsync(LiNaChat, LiNa, "whoami");
        var profile = await chat.WaitForAsync("profile card", m => m.Action == PlaygroundMessage.Created && m.Card is not null);

        Assert.Equal("Li Na", profile.CardTitle);
        var facts = AdaptiveCardJson.Facts(profile.Card!);
        Assert.Equal("Sales rep", facts["Roles"]);
        Assert.Equal("Zhang Wei", facts["Reports to"]);
    }

    [Fact]
    public async Task Chinese_help_command_is_understood()
    {
        await using var bot = await TestBot.StartAsync();
        await using var playground = await PlaygroundProcess.StartAsync(bot.BaseUrl);
        await using var chat = await playground.ConnectAsync();

        await chat.SayAsync(LiNaChat, LiNa, "帮助");

        // The playground (0.2.28) hard-codes locale "en-US" on every activity it sends, whatever the machine's
        // language, so the bot answers in English: this proves the Chinese command is understood, not the
        // Chinese card (the bot's transcript tests cover zh-CN cards with an explicit locale).
        var help = await chat.WaitForAsync("help card", m => m.Action == PlaygroundMessage.Created && m.Card is not null);
        Assert.Equal("TeamsCrm help", help.CardTitle);
    }
}
