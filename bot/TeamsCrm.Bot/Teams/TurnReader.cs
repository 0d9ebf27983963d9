using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Turns;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.Bot.Teams;

/// <summary>Turns a Teams activity into the app's <see cref="Turn"/>. Null when it has no authenticated person behind it.</summary>
public static class TurnReader
{
    public static Turn? Read(Activity a, TurnKind kind)
    {
        if (a.From?.AadObjectId is not { Length: > 0 } aad || a.Conversation?.Id is null || a.ServiceUrl is null) return null;
        var conversation = ConversationOf(a);
        var turn = new Turn
        {
            User = new TurnUser(aad, a.From.Id ?? "", a.From.Name ?? ""),
            TenantId = conversation.TenantId,
            Conversation = conversation,
            Culture = T.CultureFor(a.Locale),
            TimeZone = TimeZoneOf(a.LocalTimezone),
            Kind = kind,
            CardActivityId = a.ReplyToId,
        };
        return kind switch
        {
            TurnKind.Message when a.Value is JsonObject submitted => turn with
            {
                // Action.Submit (the fallback of every Action.Execute) posts a message whose value carries the verb.
                Kind = TurnKind.CardAction,
                Verb = submitted["verb"]?.GetValueKind() == JsonValueKind.String ? (string?)submitted["verb"] : null,
                Data = Without(submitted, "verb"),
            },
            TurnKind.Message => turn with { Text = TextWithoutBotMention(a) },
            // A dialog button (task/fetch) or what its page submitted (task/submit): { data: { verb, … }, context }.
            TurnKind.CardAction when a.Name is InvokeNames.DialogFetch or InvokeNames.DialogSubmit => turn with
            {
                Verb = a.Value is JsonObject t && t["data"] is JsonObject td && td["verb"] is JsonValue tv && tv.TryGetValue<string>(out var dialogVerb)
                    ? dialogVerb : null,
                Data = a.Value is JsonObject u && u["data"] is JsonObject ud ? Without(Without(ud, "verb"), "msteams") : [],
            },
            // What a message action's dialog submitted: the card's Action.Submit data, with the verb it carries, as any card's.
            TurnKind.CardAction when a.Name == InvokeNames.ComposeSubmitAction => turn with
            {
                Verb = a.Value is JsonObject sa && sa["data"] is JsonObject sd && sd["verb"] is JsonValue sv && sv.TryGetValue<string>(out var submitted) ? submitted : null,
                Data = a.Value is JsonObject sb && sb["data"] is JsonObject data2 ? Without(Without(data2, "verb"), "msteams") : [],
            },
            // value is free-form JSON: anything but { action: { verb: "…", data: { … } } } is an action with no verb (a stale card).
            TurnKind.CardAction => turn with
            {
                Verb = a.Value is JsonObject v && v["action"] is JsonObject action && action["verb"] is JsonValue verb
                    && verb.TryGetValue<string>(out var name) ? name : null,
                Data = a.Value is JsonObject w && w["action"] is JsonObject act && act["data"] is JsonObject data ? (JsonObject)data.DeepClone() : [],
            },
            // A message action chosen: its command, and the text of the message it was chosen on (as plain text).
            TurnKind.Compose when a.Name == InvokeNames.ComposeFetchTask => turn with
            {
                Verb = a.Value is JsonObject ft && ft["commandId"] is JsonValue fc && fc.TryGetValue<string>(out var fetched) ? fetched : null,
                Data = new JsonObject { ["text"] = MessageText(a.Value as JsonObject) },
            },
            TurnKind.Compose when a.Name == InvokeNames.ComposeQueryLink => turn with
            {
                Verb = ComposeVerbs.QueryLink,
                Data = new JsonObject { ["url"] = a.Value is JsonObject link && link["url"] is JsonValue u && u.TryGetValue<string>(out var url) ? url : "" },
            },
            // A chosen result: value is what its preview's tap carried. A query: { commandId, parameters: [{ name, value }], queryOptions }.
            TurnKind.Compose when a.Name == InvokeNames.ComposeSelectItem => turn with
            {
                Verb = ComposeVerbs.SelectItem,
                Data = a.Value is JsonObject chosen ? (JsonObject)chosen.DeepClone() : [],
            },
            TurnKind.Compose => turn with
            {
                Verb = a.Value is JsonObject cq && cq["commandId"] is JsonValue cid && cid.TryGetValue<string>(out var command) ? command : null,
                Data = ComposeQuery(a.Value as JsonObject),
            },
            TurnKind.Search => turn with
            {
                Verb = a.Value is JsonObject q && q["dataset"] is JsonValue ds && ds.TryGetValue<string>(out var d) ? d : null,
                Data = a.Value is JsonObject query ? (JsonObject)query.DeepClone() : [],
            },
            _ => turn,
        };
    }

    public static ConversationRef ConversationOf(Activity a)
    {
        var teams = TeamsChannelData.From(a);
        var kind = a.Conversation?.ConversationType switch
        {
            "channel" => ConversationKind.Channel,
            "groupChat" => ConversationKind.GroupChat,
            _ => ConversationKind.Personal,
        };
        return new ConversationRef(
            a.Conversation!.Id!, kind,
            a.Conversation.TenantId ?? teams?.Tenant?.Id ?? "",
            a.ServiceUrl!, a.Recipient?.Id ?? "",
            teams?.Team?.Id, teams?.Team?.Name, teams?.Channel?.Id);
    }

    /// <summary>
    /// In channels and group chats the text starts with "&lt;at&gt;TeamsCrm&lt;/at&gt;". Only the bot's own mention is
    /// removed: mentions of colleagues are part of what the user said.
    /// </summary>
    static string TextWithoutBotMention(Activity a)
    {
        var text = a.Text ?? "";
        foreach (var entity in a.Entities ?? [])
        {
            if (entity.Type != "mention" || entity.Extra is null) continue;
            // An entity is free-form: a mentioned id or text that is not a string is no mention of the bot.
            var mentionedId = entity.Extra.TryGetValue("mentioned", out var m) && m.ValueKind == JsonValueKind.Object
                && m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            if (mentionedId is null || mentionedId != a.Recipient?.Id) continue;
            if (entity.Extra.TryGetValue("text", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } mentionText)
                text = text.Replace(mentionText, " ", StringComparison.Ordinal);
        }
        return text.Replace("&nbsp;", " ", StringComparison.Ordinal).Trim();
    }

    /// <summary>
    /// A compose-box query as the handler reads it: <c>query</c> (the first parameter that is not <c>initialRun</c>),
    /// <c>initialRun</c> ("true" when the command was just opened), <c>skip</c> and <c>count</c> (paging).
    /// </summary>
    static JsonObject ComposeQuery(JsonObject? value)
    {
        var data = new JsonObject();
        foreach (var p in (value?["parameters"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (p["name"] is not JsonValue n || !n.TryGetValue<string>(out var name)) continue;
            var text = p["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : p["value"]?.GetValueKind() == JsonValueKind.True ? "true" : "";
            if (name == "initialRun") data["initialRun"] = text;
            else data["query"] ??= text;
        }
        if (value?["queryOptions"] is JsonObject options)
            foreach (var key in new[] { "skip", "count" })
                if (options[key] is JsonValue o && o.TryGetValue<int>(out var number)) data[key] = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return data;
    }

    /// <summary>The message a message action was chosen on, as text: its HTML body's tags dropped, entities decoded, lines kept.</summary>
    static string MessageText(JsonObject? value)
    {
        var body = value?["messagePayload"]?["body"];
        var content = body?["content"] is JsonValue cv && cv.TryGetValue<string>(out var s) ? s : "";
        if (body?["contentType"] is JsonValue kind && kind.TryGetValue<string>(out var type) && type.Equals("text", StringComparison.OrdinalIgnoreCase))
            return content.Trim();
        var text = System.Text.RegularExpressions.Regex.Replace(content, @"<\s*(br|/p|/div|/li)\b[^>]*>", "\n", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        text = System.Text.RegularExpressions.Regex.Replace(text, "<[^>]*>", "");
        return System.Net.WebUtility.HtmlDecode(text).Replace('\u00A0', ' ').Trim();
    }

    static TimeZoneInfo TimeZoneOf(string? iana) =>
        iana is not null && TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var zone) ? zone : TimeZoneInfo.Utc;

    static JsonObject Without(JsonObject source, string property)
    {
        var copy = (JsonObject)source.DeepClone();
        copy.Remove(property);
        return copy;
    }
}
