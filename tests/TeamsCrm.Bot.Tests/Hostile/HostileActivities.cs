using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using TeamsCrm.Bot.Turns;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Hostile.HostileJson;

namespace TeamsCrm.Bot.Tests.Hostile;

/// <summary>One generated request: what made it (for the report) and the exact bytes posted.</summary>
sealed record HostileCase(string Kind, byte[] Body);

/// <summary>
/// Generators of hostile requests, mixed: well-formed activities (every command, every card verb, submits, typeahead,
/// installs and team events) with one or more hostile mutations; invokes of every verb with hostile data; raw bodies.
/// </summary>
static class HostileActivities
{
    static readonly Uri Sentinel = new("http://hostile-connector.invalid/");
    static readonly Router Routes = TeamsCrm.Bot.Turns.Routes.Map(new Router());
    static readonly string[] Verbs = [.. Routes.Verbs, "", "nope", "APPROVAL.DECIDE", "approval.decide ", "visit.save\u0000"];
    static readonly string[] Commands = [.. Routes.Commands.SelectMany(c => c.Words), "", "<at>TeamsCrm</at>", "hello"];
    static readonly DemoPerson[] People = [Demo.LiNa, Demo.TomBecker, Demo.ZhangWei, Demo.WangFang, Demo.ChenJie, Demo.LiuYang, Demo.Stranger];
    static readonly string[] EventTypes = ["channelCreated", "channelDeleted", "channelRenamed", "channelRestored", "teamArchived",
        "teamDeleted", "teamHardDeleted", "teamRenamed", "teamRestored", "teamUnarchived", "teamMemberAdded", "teamMemberRemoved", "x"];

    /// <summary>Every field the protocol layer or the app reads, and a few around them.</summary>
    static readonly string[] Paths =
    [
        "type", "id", "timestamp", "localTimestamp", "localTimezone", "locale", "serviceUrl", "channelId", "replyToId", "text",
        "textFormat", "summary", "name", "action", "from", "from.id", "from.name", "from.aadObjectId", "from.role", "recipient",
        "recipient.id", "recipient.name", "conversation", "conversation.id", "conversation.tenantId", "conversation.conversationType",
        "conversation.isGroup", "conversation.name", "attachments", "attachments.0", "attachments.0.contentType", "attachments.0.content",
        "entities", "entities.0", "entities.0.type", "entities.0.mentioned", "entities.0.mentioned.id", "entities.0.text",
        "channelData", "channelData.tenant", "channelData.tenant.id", "channelData.team", "channelData.team.id", "channelData.team.name",
        "channelData.team.aadGroupId", "channelData.channel", "channelData.channel.id", "channelData.eventType", "channelData.settings",
        "channelData.settings.selectedChannel", "channelData.settings.selectedChannel.id", "value", "value.action", "value.action.verb",
        "value.action.data", "value.trigger", "value.dataset", "value.queryText", "value.queryOptions", "value.verb", "membersAdded",
        "membersAdded.0", "membersAdded.0.id", "membersRemoved", "membersRemoved.0",
    ];

    static readonly Gen<DemoPerson> Person = Gen.OneOf(People);
    static readonly Gen<string> Where = Gen.OneOf("personal", "groupChat", "channel");

    /// <summary>Card data: names the app reads (and others), each with a hostile value.</summary>
    static readonly Gen<(string Key, string Value)[]> Data =
        Gen.Select(Gen.OneOf(HostileValues.Keys), HostileValues.Value, (k, v) => (k, v)).Array[0, 6].Select(m => m.DistinctBy(x => x.k).ToArray());

    /// <summary>A base activity and the mutations that make it what it is (hostile card data goes in as a fragment).</summary>
    sealed record Base(JsonObject Activity, (string Path, string? Fragment)[] Forced);

    static readonly Gen<Base> Message = Gen.Select(Person, Gen.OneOf(Commands), HostileValues.Text, Where,
        (who, command, argument, where) => new Base(Mentioned(Activities.Message(Sentinel, who, command,
            conversationId: where switch { "channel" => Demo.TeamChannel, "groupChat" => Demo.GroupChat, _ => null }, conversationType: where)),
            [("text", Str("<at>TeamsCrm</at> " + command + " " + argument))]));

    /// <summary>Card presses happen in 1:1 chats, group chats and team channels (some verbs act only in a channel).</summary>
    static readonly Gen<Base> CardAction = Gen.Select(Person, Gen.OneOf(Verbs), Data, Where,
        (who, verb, data, where) => new Base(Activities.CardAction(Sentinel, who, verb), [("value.action.data", Obj(data)), .. In(where)]));

    /// <summary>The mutations that move a personal activity into a group chat or a team's channel.</summary>
    static (string, string?)[] In(string where) => where switch
    {
        "channel" => [("conversation.conversationType", Str("channel")), ("conversation.id", Str(Demo.TeamChannel)), ("conversation.isGroup", "true"),
            ("channelData.team", $"{{\"id\":{Str(Demo.TeamId)}}}"), ("channelData.channel", $"{{\"id\":{Str(Demo.TeamChannel)}}}")],
        "groupChat" => [("conversation.conversationType", Str("groupChat")), ("conversation.id", Str(Demo.GroupChat)), ("conversation.isGroup", "true")],
        _ => [],
    };

    /// <summary>Action.Submit (old clients): the verb among the data, in a message's value.</summary>
    static readonly Gen<Base> Submit = Gen.Select(Person, Gen.OneOf(Verbs), Data,
        (who, verb, data) => new Base(Activities.Submit(Sentinel, who, verb), [("value", Obj([("verb", Str(verb)), .. data.Where(d => d.Key != "verb")]))]));

    static readonly Gen<Base> Search = Gen.Select(Person, Gen.OneOf([.. Routes.Datasets, "", "other"]), HostileValues.Text,
        (who, dataset, query) => new Base(Activities.Search(Sentinel, who, dataset, ""), [("value.queryText", Str(query))]));

    static readonly Gen<Base> Install = Gen.Select(Person, Where, Gen.OneOf(EventTypes), Gen.Bool,
        (who, where, eventType, removed) =>
        {
            var a = Activities.Installed(Sentinel, who, where).With("type", removed ? "conversationUpdate" : "installationUpdate");
            if (a["channelData"] is JsonObject data) data["eventType"] = eventType;
            var bot = new JsonArray(new JsonObject { ["id"] = Demo.BotId });
            return new Base(removed ? a.With("membersRemoved", bot).With("action", null) : a.With("membersAdded", bot), []);
        });

    /// <summary>Fields the schema types as strings: a hostile string keeps the envelope usable and reaches the app.</summary>
    static readonly string[] StringPaths =
    [
        "id", "localTimezone", "locale", "channelId", "replyToId", "text", "textFormat", "summary", "name", "action", "from.id", "from.name",
        "from.aadObjectId", "from.role", "recipient.id", "recipient.name", "conversation.id", "conversation.tenantId",
        "conversation.conversationType", "conversation.name", "entities.0.type", "attachments.0.contentType", "membersAdded.0.id",
    ];

    /// <summary>What the schema leaves free-form (channelData, value, what entities and attachments carry): any shape is allowed there.</summary>
    static readonly string[] FreePaths = [.. Paths.Where(p => p.StartsWith("channelData", StringComparison.Ordinal) || p.StartsWith("value", StringComparison.Ordinal)
        || p.StartsWith("entities.0.mentioned", StringComparison.Ordinal) || p is "entities.0.text" or "attachments.0.content")];

    static readonly Gen<(string Path, string? Fragment)> Mutation = Gen.Frequency(
        (4, Gen.Select(Gen.OneOf(StringPaths), HostileValues.Text, (path, text) => (path, (string?)Str(text)))),
        (4, Gen.Select(Gen.OneOf(FreePaths), HostileValues.Value, (path, value) => (path, (string?)value))),
        (3, Gen.OneOf(Paths).SelectMany(path => Gen.Frequency(
            (1, Gen.Const((string?)null)),
            (6, (path == "serviceUrl" ? Gen.OneOf(HostileValues.BadServiceUrl, HostileValues.OddConnectorUrl) : HostileValues.Value).Select(s => (string?)s)))
            .Select(fragment => (path, fragment)))));

    static Gen<HostileCase> Mutated(string kind, Gen<Base> activity, int minMutations) =>
        Gen.Select(activity, Mutation.Array[minMutations, 3], (a, mutations) =>
            new HostileCase($"{kind}+{mutations.Length}", Encode(Mutate(a.Activity, [.. a.Forced, .. mutations]))));

    /// <summary>Hostile bytes: not JSON, not an object, truncated, invalid UTF-8, duplicate keys, nested past any limit.</summary>
    static readonly Gen<HostileCase> Raw = Gen.OneOf(
        Gen.OneOf("", "{", "}", "[]", "null", "1", "\"message\"", "{}", "{\"type\":null}", "{\"type\":\"\"}", "{\"type\":[]}", "{\"type\":\"message\"}",
            "{\"type\":\"invoke\",\"name\":\"adaptiveCard/action\"}", "{\"type\":\"message\",\"type\":\"invoke\"}", "\ufeff{\"type\":\"message\"}",
            "{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"" + Connector + "/\",\"conversation\":{\"id\":\"a:x\"}}",
            "{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"" + Connector + "/\",\"conversation\":{\"id\":\"a:x\",\"id\":\"a:y\"},\"text\":\"help\"}",
            "{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"" + Connector + "/\",\"conversation\":{\"id\":\"a:x\"},\"from\":{\"aadObjectId\":\""
                + Demo.LiNa.AadObjectId + "\"},\"text\":\"help\"}").Select(s => new HostileCase("raw", Encoding.UTF8.GetBytes(s))),
        Gen.Int[65, 100_000].Select(n => new HostileCase("raw-deep", Encoding.ASCII.GetBytes(new string('[', n)))),
        Gen.Byte.Array[0, 200].Select(b => new HostileCase("raw-bytes", b)),
        Gen.Select(Message, Gen.Double[0, 1], (a, cut) =>
        {
            var text = Mutate(a.Activity, a.Forced);
            return new HostileCase("raw-truncated", Encode(text[..(int)(text.Length * cut)]));
        }),
        Gen.Select(Gen.OneOf(Message, CardAction), Gen.OneOf<byte[]>([0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]),
            (a, bad) => new HostileCase("raw-utf8", Splice(Encode(Mutate(a.Activity, [.. a.Forced, ("text", "\"@@bytes@@\"")])), "@@bytes@@", bad))));

    public static readonly Gen<HostileCase> Any = Gen.Frequency(
        (4, Mutated("message", Message, 1)),
        (5, Mutated("invoke", CardAction, 0)),
        (2, Mutated("submit", Submit, 0)),
        (1, Mutated("search", Search, 0)),
        (2, Mutated("install", Install, 1)),
        (2, Raw));

    /// <summary>The entity of a mention of the bot, as Teams sends it in channels and group chats (the text says "&lt;at&gt;TeamsCrm&lt;/at&gt;").</summary>
    static JsonObject Mentioned(JsonObject message)
    {
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>TeamsCrm</at>", ["mentioned"] = new JsonObject { ["id"] = Demo.BotId, ["name"] = "TeamsCrm" },
        });
        return message;
    }

    static byte[] Encode(string text) => Encoding.UTF8.GetBytes(text.Replace(Sentinel.ToString().TrimEnd('/'), Connector, StringComparison.Ordinal));

    static byte[] Splice(byte[] body, string marker, byte[] with)
    {
        var at = body.AsSpan().IndexOf(Encoding.ASCII.GetBytes(marker));
        return at < 0 ? body : [.. body[..at], .. with, .. body[(at + marker.Length)..]];
    }
}
