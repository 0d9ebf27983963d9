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
            // value is free-form JSON: anything but { action: { verb: "…", data: { … } } } is an action with no verb (a stale card).
            TurnKind.CardAction => turn with
            {
                Verb = a.Value is JsonObject v && v["action"] is JsonObject action && action["verb"] is JsonValue verb
                    && verb.TryGetValue<string>(out var name) ? name : null,
                Data = a.Value is JsonObject w && w["action"] is JsonObject act && act["data"] is JsonObject data ? (JsonObject)data.DeepClone() : [],
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

    static TimeZoneInfo TimeZoneOf(string? iana) =>
        iana is not null && TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var zone) ? zone : TimeZoneInfo.Utc;

    static JsonObject Without(JsonObject source, string property)
    {
        var copy = (JsonObject)source.DeepClone();
        copy.Remove(property);
        return copy;
    }
}
