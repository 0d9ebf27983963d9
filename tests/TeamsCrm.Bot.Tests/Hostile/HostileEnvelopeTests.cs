using System.Text;
using System.Text.Json.Nodes;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Hostile;

/// <summary>
/// The causes of the 5xx answers a generated run once found, each as a readable case: an envelope the bot cannot use is
/// refused with 400 and nothing done; anything else odd gets its ordinary, polite answer and stores nothing but where it came from.
/// </summary>
public class HostileEnvelopeTests
{
    const string Marker = "@@hostile@@";

    public static TheoryData<string, string, string> Unusable() => new()
    {
        // field, raw JSON put there, why
        { "serviceUrl", "\"file:///etc/passwd\"", "not http(s): HttpClient would refuse the scheme" },
        { "serviceUrl", "\"ftp://127.0.0.1/\"", "not http(s)" },
        { "serviceUrl", "\"/v3/conversations\"", "relative: new Uri throws" },
        { "serviceUrl", "\"//127.0.0.1/share\"", "a UNC path: a file: URI" },
        { "serviceUrl", "\"http://\\ud800/\"", "a host that is not ASCII: IDN mapping throws" },
        { "serviceUrl", "\"https://" + new string('a', 3_000) + ".example/\"", "longer than any serviceUrl" },
        { "entities", "[null]", "a list of objects holding null" },
        { "membersAdded", "[1]", "a list of objects holding a number" },
        { "from", "\"29:evil\"", "a typed object given as a string" },
        { "conversation", "[]", "a typed object given as an array" },
        { "value", new string('[', 40) + new string(']', 40), "nested deeper than 32 levels" },
        { "id", "\"" + new string('1', 600) + "\"", "an id longer than any Teams id" },
        { "replyToId", "\"a\\u0000b\"", "an id with a control character" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public async Task An_unusable_envelope_is_a_400_and_nothing_happens(string field, string raw, string why)
    {
        await using var bot = await TestBot.StartAsync();

        var result = await bot.PostRawAsync(WithRaw(Activities.Message(bot.ServiceUrl, Demo.LiNa, "help"), field, raw));

        Assert.True(result.Status == 400, $"{field} = {raw[..Math.Min(raw.Length, 40)]} ({why}): HTTP {result.Status}");
        Assert.Empty(result.Calls);
        Assert.Null(await bot.Archive.Conversations.FindUserAsync(Demo.LiNa.AadObjectId));
    }

    [Fact]
    public async Task Duplicate_property_names_are_a_400()
    {
        await using var bot = await TestBot.StartAsync();
        var body = Activities.Message(bot.ServiceUrl, Demo.LiNa, "help").ToJsonString().Replace("\"type\":\"message\"", "\"type\":\"message\",\"type\":\"invoke\"", StringComparison.Ordinal);

        Assert.Equal(400, (await bot.PostRawAsync(body)).Status);
    }

    [Theory]
    [InlineData("text", "\"help \\ud800\"")]                        // a lone surrogate: repaired to U+FFFD, then read as any text
    [InlineData("text", "\"help \\udc00\\ud83d\"")]
    [InlineData("channelData", "[\"tenant\"]")]                      // free-form: any shape, read as absent
    [InlineData("channelData", "{\"tenant\":5,\"team\":\"x\",\"settings\":[]}")]
    [InlineData("entities", "[{\"type\":\"mention\",\"mentioned\":{\"id\":5},\"text\":{}}]")]
    [InlineData("entities", "[{\"type\":\"mention\",\"mentioned\":\"28:bot\",\"text\":\"\\ud800\"}]")]
    [InlineData("locale", "\"\\ud800-ZZ\"")]
    [InlineData("localTimezone", "\"../../etc/localtime\"")]
    public async Task An_odd_message_gets_its_ordinary_answer(string field, string raw)
    {
        await using var bot = await TestBot.StartAsync();

        var result = await bot.PostRawAsync(WithRaw(Activities.Message(bot.ServiceUrl, Demo.LiNa, "help"), field, raw));

        Assert.Equal(200, result.Status);
        Assert.NotNull(Assert.Single(result.Calls).Card);   // the help card
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_message_is_repaired_and_answered()
    {
        await using var bot = await TestBot.StartAsync();
        var body = Encoding.UTF8.GetBytes(Activities.Message(bot.ServiceUrl, Demo.LiNa, "help " + Marker).ToJsonString());
        var at = body.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Marker));
        byte[] broken = [.. body[..at], 0xFF, 0xC0, 0xAF, 0xED, 0xA0, 0x80, .. body[(at + Marker.Length)..]];
        using var content = new ByteArrayContent(broken);
        content.Headers.ContentType = new("application/json");

        using var response = await bot.Http.PostAsync("api/messages", content);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.NotNull(Assert.Single(bot.Connector.Calls).Card);
    }

    [Theory]
    [InlineData("value", "[]")]
    [InlineData("value", "1e-400")]
    [InlineData("value", "{\"action\":[]}")]
    [InlineData("value", "{\"action\":{\"verb\":5,\"data\":\"x\"}}")]
    [InlineData("value", "{\"action\":{\"verb\":\"approval.decide\",\"data\":{\"id\":{},\"decision\":[\"approve\"],\"version\":1e308}}}")]
    [InlineData("value", "{\"action\":{\"verb\":\"reminders.save\",\"data\":{\"version\":1.5e300,\"reps\":{\"a\":1}}}}")]
    public async Task An_odd_card_action_is_answered_on_the_card(string field, string raw)
    {
        await using var bot = await TestBot.StartAsync();

        var result = await bot.PostRawAsync(WithRaw(Activities.CardAction(bot.ServiceUrl, Demo.WangFang, "help.show"), field, raw));

        Assert.Equal(200, result.Status);
        Assert.Contains((string?)result.Body?["type"], new[] { "application/vnd.microsoft.card.adaptive", "application/vnd.microsoft.activity.message" });
        Assert.Equal(200, (int?)result.Body?["statusCode"]);
    }

    [Fact]
    public async Task A_forged_version_on_a_channels_reminder_settings_is_no_version_rather_than_a_crash()
    {
        await using var bot = await TestBot.StartAsync();
        var press = Activities.CardAction(bot.ServiceUrl, Demo.WangFang, "reminders.save",
            new JsonObject { ["version"] = 1.5e300, ["zone"] = "Asia/Shanghai" }, conversationId: Demo.TeamChannel);
        press["conversation"]!["conversationType"] = "channel";
        press["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = Demo.TenantId },
            ["team"] = new JsonObject { ["id"] = Demo.TeamId }, ["channel"] = new JsonObject { ["id"] = Demo.TeamChannel },
        };

        var result = await bot.PostAsync(press);

        Assert.Equal(200, result.Status);
        Assert.NotNull(result.InvokeCard);   // the settings form again, with the messages beside its fields; once: "something went wrong"
    }

    [Fact]
    public async Task A_card_action_from_nobody_is_answered_with_a_message_not_a_500()
    {
        await using var bot = await TestBot.StartAsync();
        var anonymous = Activities.CardAction(bot.ServiceUrl, Demo.LiNa, "help.show");
        ((JsonObject)anonymous["from"]!).Remove("aadObjectId");

        var result = await bot.PostAsync(anonymous);

        Assert.Equal(200, result.Status);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)result.Body?["type"]);
        Assert.Empty(result.Calls);
    }

    [Theory]
    [InlineData("team score 9999-12-31")]   // once: the month after December 9999 → ArgumentOutOfRangeException in the handler
    [InlineData("my day 0001-01-01")]
    [InlineData("team month 12/31/9999")]
    public async Task A_date_beyond_the_calendar_is_not_understood_rather_than_a_crash(string text)
    {
        await using var bot = await TestBot.StartAsync();

        var result = await bot.Say(Demo.WangFang, text);

        Assert.Equal(200, result.Status);
        var reply = (string?)Assert.Single(result.Calls).Body?["text"];
        Assert.DoesNotContain("something went wrong", reply ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Stored.RecordsOf(bot));
    }

    /// <summary>The activity's JSON with <paramref name="field"/> set to exactly <paramref name="raw"/>.</summary>
    static string WithRaw(JsonObject activity, string field, string raw) =>
        activity.With(field, Marker).ToJsonString().Replace("\"" + Marker + "\"", raw, StringComparison.Ordinal);
}
