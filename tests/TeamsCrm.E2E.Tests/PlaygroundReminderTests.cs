using System.Text;
using System.Text.Json.Nodes;
using TeamsCrm.TestSupport;

namespace TeamsCrm.E2E.Tests;

/// <summary>
/// A reminder appears in the team's channel of the local Teams client. Wang Fang (the sales manager; the playground of
/// tests/e2e/playground-manager.yml) installs the app in the team, sets the Reminders channel's weekly-plan reminder to
/// Monday 09:00 Shanghai with the `reminders` card, and when the bot's clock passes 09:00 its own background scheduler
/// (Reminders:RunScheduler on, the production loop) posts the reminder card to that channel through the playground's
/// connector; the test reads it from the playground's conversation stream, as its UI shows it. The bot runs in-process
/// (TestBot: the production composition, SQLite) so that its clock can be moved; nothing else is faked.
/// </summary>
public sealed class PlaygroundReminderTests
{
    const string Team = "19:demo-team-general@thread.tacv2";               // team.id in the playground .yml (its General channel)
    const string RemindersChannel = "19:demo-team-reminders@thread.tacv2";  // team.channels[0] there
    static readonly string WangFang = Demo.WangFang.TeamsId;
    // Monday 23 November 2026, 09:00 in Shanghai.
    static readonly DateTimeOffset MondayNine = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_weekly_plan_reminder_the_manager_set_in_the_channel_appears_there_when_it_falls_due()
    {
        await using var bot = await TestBot.StartAsync(now: MondayNine.AddMinutes(-5), settings: new Dictionary<string, string?>
        {
            ["Reminders:RunScheduler"] = "true",   // the bot's own scheduler posts, on its (fake) clock
            ["Reminders:Personal:FollowUps"] = "off", ["Reminders:Personal:ApprovalDigest"] = "off", ["Reminders:Personal:PurgeSoon"] = "off",
        });
        await using var playground = await PlaygroundProcess.StartAsync(bot.BaseUrl,
            Path.Combine(PlaygroundProcess.RepoRoot(), "tests", "e2e", "playground-manager.yml"));
        await using var client = await playground.ConnectAsync();
        using var http = new HttpClient { BaseAddress = playground.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

        // Adding the app to the team: the playground's own installationUpdate for the team (its UI sends it on page load).
        var install = await GetJsonAsync(http, $"_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(RemindersChannel)}&type=install");
        Assert.Equal((Team, "installationUpdate"), ((string?)install["channelData"]?["team"]?["id"], (string?)install["type"]));
        await PostJsonAsync(http, "_internal/v1/customActivities", install);
        await Eventually("the team's channels registered", async () =>
            (await bot.Archive.Conversations.ChannelsOfTeamAsync(Team)).Any(c => c.Id == RemindersChannel), playground);

        // "@TeamsCrm reminders" in the Reminders channel: the settings card, in the thread of her post.
        var mention = await client.MentionAsync(RemindersChannel, WangFang, Demo.BotId, "TeamsCrm", "reminders");
        var post = (string?)mention["postConversationId"] ?? throw new InvalidDataException($"No postConversationId in {mention.ToJsonString()}");
        var form = await client.WaitForAsync("reminder settings card", m => m.Action == PlaygroundMessage.Created && m.CardTitle == "Reminders in this channel");
        Assert.Equal(post, form.ConversationId);

        // Only the weekly plan, Monday 09:00 Shanghai (the playground's client reports UTC, so the zone is typed).
        var save = AdaptiveCardJson.Button(form.Card!, "Save");
        var values = CardInputs.Values(form.Card!);
        foreach (var id in values.Select(v => v.Key).Where(k => k.StartsWith("on.", StringComparison.Ordinal)).ToList())
            values[id] = id == "on.WeeklyPlan" ? "true" : "false";
        values["day.WeeklyPlan"] = "1";
        values["time.WeeklyPlan"] = "09:00";
        values["zone"] = "Asia/Shanghai";
        foreach (var (id, value) in save.Data) values[id] = value?.DeepClone();
        var saved = await client.ExecuteAsync(post, WangFang, form.MessageId, save with { Data = values });
        Assert.Contains("Saved by Wang Fang", saved["value"]!.ToJsonString());
        var settings = await bot.Archive.Reminders.GetChannelAsync(RemindersChannel);
        Assert.Equal(("Asia/Shanghai", 1), (settings?.ZoneId, settings?.Version));

        // 09:01 in Shanghai: the scheduler's next tick finds the 09:00 occurrence due and posts it to the channel.
        bot.Clock.Advance(TimeSpan.FromMinutes(6));
        var reminder = await client.WaitForAsync("weekly-plan reminder in the Reminders channel", m =>
            m.Action == PlaygroundMessage.Created && m.ConversationId.StartsWith(RemindersChannel, StringComparison.Ordinal)
            && m.CardTitle == "Visit plans for the week of 23 November");
        Assert.Equal(Demo.BotId, reminder.FromId);
        Assert.NotEqual(post, reminder.ConversationId);   // a post of its own, not a reply in her thread
        var text = string.Join("\n", reminder.Card!["body"]!.AsArray().Select(e => (string?)e?["text"]));
        Assert.Contains("<at>Li Na</at>", text);           // the team's reps (roster from the playground) who have no plan yet
        Assert.Contains("<at>Tom Becker</at>", text);
        Assert.DoesNotContain("Wang Fang", text);
        var mentioned = reminder.Card["msteams"]!["entities"]!.AsArray().Select(e => (string?)e?["mentioned"]?["id"]).Order(StringComparer.Ordinal);
        Assert.Equal([Demo.LiNa.TeamsId, Demo.TomBecker.TeamsId], mentioned);
        Assert.Equal("reminder.open", AdaptiveCardJson.Button(reminder.Card, "Open my plan").Verb);
    }

    /// <summary>She @mentions the bot in a channel (it hears only that there): a new post; its conversation id is returned.</summary>
    static async Task<JsonObject> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {text}");
        return (JsonObject)JsonNode.Parse(text)!;
    }

    static async Task<JsonObject> PostJsonAsync(HttpClient http, string path, JsonObject body)
    {
        using var response = await http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} → {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : (JsonObject)JsonNode.Parse(text)!;
    }

    static async Task Eventually(string what, Func<Task<bool>> condition, PlaygroundProcess playground)
    {
        var until = DateTime.UtcNow + PlaygroundClient.DefaultWait;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Not {what} within {PlaygroundClient.DefaultWait.TotalSeconds} s.\n{playground.Diagnostics()}");
            await Task.Delay(100);
        }
    }
}
