using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.TestSupport;

namespace TeamsCrm.E2E.Tests;

/// <summary>
/// 档案审批 across two local Teams clients against one bot: Li Na (the repository's playground config) files a new
/// customer, and Zhang Wei (tests/e2e/playground-leader.yml, her direct leader) gets the request in his own
/// playground — sent proactively, at the serviceUrl the bot stored when he last wrote to it, to his 1:1 chat —,
/// approves it there, sees the card updated in place, and Li Na is told in her 1:1 chat. Everything the bot
/// sends goes through each playground's own mock Bot Connector; nothing is faked on the bot's side.
/// </summary>
public sealed class PlaygroundApprovalTests
{
    const string LiNaChat = "a:demo-personal-li-na";          // personalChat.id in .m365agentsplayground.yml
    const string ZhangWeiChat = "a:demo-personal-zhang-wei";  // personalChat.id in tests/e2e/playground-leader.yml
    const string SalesEastGroupChat = "19:demo-group-chat@thread.v2";   // groupChat.id in both
    static readonly string LiNa = Demo.LiNa.TeamsId;
    static readonly string ZhangWei = Demo.ZhangWei.TeamsId;

    /// <param name="zhangWeiFirstWritesIn">
    /// His 1:1 chat: the bot sends the request there. The group chat: the bot knows his serviceUrl but no 1:1 chat, and
    /// his profile is for him alone (the audience rule), so it creates one (POST /v3/conversations to his playground, which
    /// answers with his personal chat's id), answers there and leaves a note in the group chat.
    /// </param>
    /// <param name="opensItWith">
    /// Which Approve he presses: the one on the card posted in his chat, his view from the card's refresh (as Teams sends
    /// it where he sees another copy), or the one in the `approvals` list.
    /// </param>
    [Theory]
    [InlineData(ZhangWeiChat, "posted")]
    [InlineData(ZhangWeiChat, "refresh")]
    [InlineData(SalesEastGroupChat, "approvals")]
    public async Task Li_Na_files_a_new_customer_and_Zhang_Wei_approves_it_in_his_own_playground(string zhangWeiFirstWritesIn, string opensItWith)
    {
        await using var bot = await TestBot.StartAsync();
        var (liNasPlayground, zhangWeisPlayground) = await StartBothAsync(bot.BaseUrl);
        await using var _ = liNasPlayground;
        await using var __ = zhangWeisPlayground;
        await using var liNa = await liNasPlayground.ConnectAsync();
        await using var zhangWei = await zhangWeisPlayground.ConnectAsync();

        // Zhang Wei writes first: the bot stores where he is (his playground's serviceUrl, and his 1:1 chat when he
        // wrote there), as it would in Teams.
        if (zhangWeiFirstWritesIn == ZhangWeiChat) await zhangWei.SayAsync(ZhangWeiChat, ZhangWei, "whoami");
        else await zhangWei.MentionAsync(zhangWeiFirstWritesIn, ZhangWei, Demo.BotId, "TeamsCrm", "whoami");
        var profile = await zhangWei.WaitForAsync("profile card for Zhang Wei", m => m.Action == PlaygroundMessage.Created && m.CardTitle == "Zhang Wei");
        Assert.Equal(ZhangWeiChat, profile.ConversationId);
        if (zhangWeiFirstWritesIn != ZhangWeiChat)
        {
            var note = await zhangWei.WaitForAsync("the note in the group chat", m => m.ConversationId == zhangWeiFirstWritesIn && m.Text is not null);
            Assert.Contains("<at>Zhang Wei</at>", note.Text, StringComparison.Ordinal);
        }
        var known = (await bot.Archive.Conversations.FindUserAsync(Demo.ZhangWei.AadObjectId))!;
        Assert.Equal($"http://localhost:{zhangWeisPlayground.BaseUrl.Port}/_connector", known.ServiceUrl.TrimEnd('/'));   // his playground's mock connector
        Assert.Equal(ZhangWeiChat, known.PersonalConversationId);   // his own chat, or the one the bot started for the profile

        // Li Na: "new customer" → Individual → the form, filled and submitted (Action.Execute both times).
        await liNa.SayAsync(LiNaChat, LiNa, "new customer");
        var chooser = await liNa.WaitForAsync("new-customer chooser", m => m.Action == PlaygroundMessage.Created && m.CardTitle == "New customer file");
        var form = await liNa.ExecuteAsync(LiNaChat, LiNa, chooser.MessageId, AdaptiveCardJson.Button(chooser.Card!, "Individual"));
        Assert.True("New individual customer" == AdaptiveCardJson.Title(form["value"]!), form.ToJsonString());
        var submit = AdaptiveCardJson.Button(form["value"]!, "Submit for approval");
        var filledIn = (JsonObject)submit.Data.DeepClone();
        foreach (var (id, value) in new[] { ("name", "Zhou Min"), ("phone", "+86 138 0013 8000"), ("region", "Nanjing"), ("category", "New"), ("tier", "General") })
            filledIn[id] = value;
        var filed = await liNa.ExecuteAsync(LiNaChat, LiNa, chooser.MessageId, submit with { Data = filledIn });
        Assert.True("Customer filed: Zhou Min" == AdaptiveCardJson.Title(filed["value"]!), filed.ToJsonString());
        var number = AdaptiveCardJson.Facts(filed["value"]!)["Number"];
        Assert.Equal(CustomerStatus.Pending, (await bot.Archive.Customers.GetAsync(number))!.Status);

        // The request reaches Zhang Wei's playground on its own: a proactive send to his 1:1 chat (stored, or created now).
        var request = await zhangWei.WaitForAsync("approval request in Zhang Wei's chat",
            m => m.Action == PlaygroundMessage.Created && m.CardTitle == "New customer file: Zhou Min");
        Assert.Equal((ZhangWeiChat, Demo.BotId), (request.ConversationId, request.FromId));
        Assert.Equal("Li Na", AdaptiveCardJson.Facts(request.Card!)["Requested by"]);
        // Posted in his own chat with his buttons, and a refresh for the users listed in it (Teams asks for each one's
        // view wherever they see a copy; the playground (0.2.28) does not — "User specific view is not supported yet").
        var refresh = request.Card!["refresh"]!;
        Assert.Contains(ZhangWei, refresh["userIds"]!.AsArray().Select(u => (string?)u));
        var (mine, mineId) = opensItWith switch
        {
            "posted" => (request.Card!, request.MessageId),
            "refresh" => await RefreshAsync(zhangWei, request),
            _ => await ApprovalsAsync(zhangWei),
        };
        Assert.Equal("Status: Waiting for a decision", StatusOf(mine));
        var decided = await zhangWei.ExecuteAsync(ZhangWeiChat, ZhangWei, mineId, AdaptiveCardJson.Button(mine, "Approve"));
        Assert.Equal("Status: Approved", StatusOf(decided["value"]!));

        // Every copy is updated in place (PUT …/activities/{id} to his playground), and Li Na hears in her 1:1 chat.
        var updated = await zhangWei.WaitForAsync("update of the request card in place",
            m => m.Action == PlaygroundMessage.Updated && m.MessageId == request.MessageId);
        Assert.Equal("Status: Approved", StatusOf(updated.Card!));
        Assert.Empty(updated.Card!["actions"]?.AsArray() ?? []);
        Assert.Contains(updated.Card!["body"]!.AsArray(), e => ((string?)e?["text"])?.StartsWith("Approved by Zhang Wei", StringComparison.Ordinal) == true);
        var told = await liNa.WaitForAsync("message telling Li Na the decision", m => m.Action == PlaygroundMessage.Created && m.Text?.StartsWith("Your request", StringComparison.Ordinal) == true);
        Assert.Equal((LiNaChat, "Your request “New customer file: Zhou Min” was approved by Zhang Wei."), (told.ConversationId, told.Text));

        Assert.Equal(CustomerStatus.Active, (await bot.Archive.Customers.GetAsync(number))!.Status);
        // The 1:1 chat the bot created (or was given) is kept for the next request.
        Assert.Equal(ZhangWeiChat, (await bot.Archive.Conversations.FindUserAsync(Demo.ZhangWei.AadObjectId))!.PersonalConversationId);
    }

    /// <summary>Teams' refresh of the posted card for Zhang Wei (trigger automatic): his view, in place of that card.</summary>
    static async Task<(JsonNode Card, string MessageId)> RefreshAsync(PlaygroundClient zhangWei, PlaygroundMessage posted)
    {
        var refresh = posted.Card!["refresh"]!["action"]!;
        var button = new CardButton("Action.Execute", (string)refresh["verb"]!, (JsonObject)refresh["data"]!, []);
        var answer = await zhangWei.ExecuteAsync(ZhangWeiChat, ZhangWei, posted.MessageId, button, trigger: "automatic");
        return (answer["value"]!, posted.MessageId);
    }

    /// <summary>"approvals" in his 1:1 chat: a header, then the live card of each request waiting for him.</summary>
    static async Task<(JsonNode Card, string MessageId)> ApprovalsAsync(PlaygroundClient zhangWei)
    {
        await zhangWei.SayAsync(ZhangWeiChat, ZhangWei, "approvals");
        var header = await zhangWei.WaitForAsync("approvals list header", m => m.Action == PlaygroundMessage.Created && m.Text?.StartsWith("Waiting for your decision", StringComparison.Ordinal) == true);
        Assert.Equal("Waiting for your decision: 1. Your open requests: 0.", header.Text);
        var listed = await zhangWei.WaitForAsync("request card in the approvals list",
            m => m.Action == PlaygroundMessage.Created && m.CardTitle == "New customer file: Zhou Min");
        return (listed.Card!, listed.MessageId);
    }

    /// <summary>Li Na's and Zhang Wei's playgrounds, started at once (about half the wait); neither is left running on failure.</summary>
    static async Task<(PlaygroundProcess Rep, PlaygroundProcess Leader)> StartBothAsync(Uri bot)
    {
        var rep = PlaygroundProcess.StartAsync(bot);
        var leader = PlaygroundProcess.StartAsync(bot, Path.Combine(PlaygroundProcess.RepoRoot(), "tests", "e2e", "playground-leader.yml"));
        try
        {
            await Task.WhenAll(rep, leader);
        }
        catch
        {
            foreach (var started in new[] { rep, leader }.Where(t => t.IsCompletedSuccessfully))
                await (await started).DisposeAsync();
            throw;
        }
        return (await rep, await leader);
    }

    static string StatusOf(JsonNode card) => "Status: " + AdaptiveCardJson.Facts(card)["Status"];
}
