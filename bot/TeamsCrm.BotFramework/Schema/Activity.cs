using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TeamsCrm.BotFramework.Schema;

/// <summary>
/// One Bot Framework activity. Only the fields the app reads are typed; every other property is kept in
/// <see cref="Extra"/> so that an activity survives a round trip unchanged.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    /// <summary>IANA name of the user's time zone, e.g. "Asia/Shanghai".</summary>
    public string? LocalTimezone { get; set; }
    public string? Locale { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ReplyToId { get; set; }
    public string? TextFormat { get; set; }
    public string? Text { get; set; }
    public string? Summary { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<Entity>? Entities { get; set; }
    public JsonNode? ChannelData { get; set; }
    public JsonNode? Value { get; set; }
    public string? Name { get; set; }
    /// <summary>installationUpdate: add | add-upgrade | remove | remove-upgrade.</summary>
    public string? Action { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>A reply addressed back to where this activity came from (from/recipient swapped).</summary>
    public Activity CreateReply() => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, AadObjectId = From.AadObjectId },
        Conversation = Conversation is null ? null : new ConversationAccount
        {
            Id = Conversation.Id,
            ConversationType = Conversation.ConversationType,
            IsGroup = Conversation.IsGroup,
            TenantId = Conversation.TenantId,
        },
        ReplyToId = Id,
        Locale = Locale,
    };

    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Typing = "typing";
}

public static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string Search = "application/search";
    /// <summary>A dialog (task module) button was pressed: answer with the dialog to open.</summary>
    public const string DialogFetch = "task/fetch";
    /// <summary>A dialog's page submitted: answer with a message, another dialog, or nothing (it closes).</summary>
    public const string DialogSubmit = "task/submit";
    /// <summary>A search command of a message extension, typed in the compose box (or opened: parameter initialRun).</summary>
    public const string ComposeQuery = "composeExtension/query";
    /// <summary>An item of the search results chosen (its preview's tap was an invoke): answer with the card to insert.</summary>
    public const string ComposeSelectItem = "composeExtension/selectItem";
    /// <summary>A link on a domain of the manifest's messageHandlers pasted into a compose box: answer with its preview card.</summary>
    public const string ComposeQueryLink = "composeExtension/queryLink";
    /// <summary>A message action chosen on a message ("More actions"): answer with the dialog to open.</summary>
    public const string ComposeFetchTask = "composeExtension/fetchTask";
    /// <summary>What the message action's dialog submitted: answer with the next dialog, a message, or nothing (it closes).</summary>
    public const string ComposeSubmitAction = "composeExtension/submitAction";
}
