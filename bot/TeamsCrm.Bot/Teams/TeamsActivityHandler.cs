using Microsoft.Extensions.Logging;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Operations;
using TeamsCrm.Bot.Turns;
using TeamsCrm.BotFramework.Hosting;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.Bot.Teams;

/// <summary>
/// The adapter between the protocol and the app: reads the activity into a <see cref="Turn"/>, records
/// where it came from, lets the router pick the handler, and sends the reply the way the activity needs.
/// </summary>
public sealed partial class TeamsActivityHandler(
    Router router, IServiceScopeFactory scopes, ReplySender sender, ConversationRecorder recorder, InFlightTurns inFlight, ChannelRegistry channels,
    Audiences audiences, IncomingFiles files, ILogger<TeamsActivityHandler> log)
    : IActivityHandler
{
    const string FileConsent = "fileConsent/invoke";

    public async Task<InvokeResponse?> OnActivityAsync(Activity activity, CancellationToken ct)
    {
        using var _ = inFlight.Enter();   // a shutdown waits for this turn, reply included
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                if (await RunAsync(activity, TurnKind.Message, ct) is var (turn, reply)) await sender.SendAsync(activity, turn, reply, ct);
                return null;
            case ActivityTypes.Invoke when activity.Name == InvokeNames.AdaptiveCardAction:
                return await RunAsync(activity, TurnKind.CardAction, ct) is var (acted, answer)
                    ? await sender.AnswerCardActionAsync(activity, acted, answer, ct)
                    : ReplySender.AnswerError(T.Get(T.CultureFor(activity.Locale), "error.generic"));
            case ActivityTypes.Invoke when activity.Name == FileConsent:
                return await RunAsync(activity, TurnKind.CardAction, ct) is var (consented, delivery)
                    ? await sender.AnswerFileConsentAsync(activity, consented, delivery, ct)
                    : new InvokeResponse(200, null);
            case ActivityTypes.Invoke when activity.Name is InvokeNames.DialogFetch or InvokeNames.DialogSubmit:
                return ReplySender.AnswerDialog((await RunAsync(activity, TurnKind.CardAction, ct))?.Reply, T.CultureFor(activity.Locale));
            case ActivityTypes.Invoke when activity.Name is InvokeNames.ComposeQuery or InvokeNames.ComposeSelectItem or InvokeNames.ComposeQueryLink:
                return ReplySender.AnswerCompose((await RunAsync(activity, TurnKind.Compose, ct))?.Reply, T.CultureFor(activity.Locale));
            case ActivityTypes.Invoke when activity.Name == InvokeNames.ComposeFetchTask:
                return ReplySender.AnswerMessageAction((await RunAsync(activity, TurnKind.Compose, ct))?.Reply, T.CultureFor(activity.Locale));
            case ActivityTypes.Invoke when activity.Name == InvokeNames.ComposeSubmitAction:
                return ReplySender.AnswerMessageAction((await RunAsync(activity, TurnKind.CardAction, ct))?.Reply, T.CultureFor(activity.Locale));
            case ActivityTypes.Invoke when activity.Name == InvokeNames.Search:
                return ReplySender.AnswerSearch((await RunAsync(activity, TurnKind.Search, ct))?.Reply ?? Reply.Search([]));
            case ActivityTypes.Invoke:
                return null;   // nothing here handles it: 400
            case ActivityTypes.InstallationUpdate or ActivityTypes.ConversationUpdate:
                await OnMembershipAsync(activity, ct);
                return null;
            default:
                return null;   // typing, messageReaction, …: acknowledged and ignored
        }
    }

    /// <summary>
    /// Install (installationUpdate add, or the bot among membersAdded) → welcome, once per conversation;
    /// uninstall (remove, or the bot among membersRemoved) → the conversation is marked unreachable. In a team, the
    /// <see cref="ChannelRegistry"/> also keeps the team's channels (created, renamed, deleted, team removed).
    /// </summary>
    async Task OnMembershipAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Conversation?.Id is not { } conversationId || activity.ServiceUrl is null) return;
        var botId = activity.Recipient?.Id;
        var added = activity.Action == "add" || activity.MembersAdded?.Any(m => m.Id == botId) == true;
        var removed = activity.Action == "remove" || activity.MembersRemoved?.Any(m => m.Id == botId) == true;
        // Someone joined or left: who reads the replies there changed (a team's members read every one of its channels).
        if ((activity.MembersAdded ?? []).Concat(activity.MembersRemoved ?? []).Any(m => m.Id != botId)) audiences.Forget();
        await channels.OnTeamEventAsync(activity, added, removed, ct);   // team events: the channel registry
        if (removed)
        {
            await recorder.MarkRemovedAsync(conversationId, ct);
            return;
        }
        if (!added) return;
        var conversation = TurnReader.ConversationOf(activity);
        if (!await recorder.TryWelcomeOnceAsync(conversation, ct)) return;
        var turn = TurnReader.Read(activity, TurnKind.Installed) ?? new Turn
        {
            // Team installs may come from no one in particular; the welcome needs only the place and language.
            User = new TurnUser("", "", ""), TenantId = conversation.TenantId, Conversation = conversation,
            Culture = T.CultureFor(activity.Locale), TimeZone = TimeZoneInfo.Utc, Kind = TurnKind.Installed,
        };
        await sender.SendNewAsync(activity, conversation.Kind, await RouteAsync(turn, ct), ct);
    }

    async Task<(Turn Turn, Reply Reply)?> RunAsync(Activity activity, TurnKind kind, CancellationToken ct)
    {
        var turn = TurnReader.Read(activity, kind);
        if (turn is null)
        {
            LogAnonymous(log, activity.Type, activity.Id);
            return null;
        }
        if (turn.Kind == TurnKind.Message) turn = turn with { Files = files.Of(activity) };
        // The answer to a file consent card: its value (accept or decline, the offer's context, where to upload) is the data.
        if (activity.Name == FileConsent) turn = turn with { Verb = FileOffer.AnswerVerb, Data = activity.Value is System.Text.Json.Nodes.JsonObject v ? (System.Text.Json.Nodes.JsonObject)v.DeepClone() : [] };
        await recorder.RecordAsync(turn, ct);
        return (turn, await RouteAsync(turn, ct));
    }

    async Task<Reply> RouteAsync(Turn turn, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var telemetry = TurnTelemetry.Start(turn.Kind.ToString(), turn.Verb);
        try
        {
            return await router.RouteAsync(turn, scope.ServiceProvider, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The person gets a plain answer; the details go to the log, never into the chat.
            telemetry.Failed(e);
            LogTurnFailed(log, e, turn.Kind, turn.Verb);
            return Reply.Text(T.Get(turn.Culture, "error.generic")).ForEveryone();   // says nothing about the archive
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed ({Kind} {Verb})")]
    static partial void LogTurnFailed(ILogger logger, Exception e, TurnKind kind, string? verb);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored {Type} activity {ActivityId}: no Entra user behind it")]
    static partial void LogAnonymous(ILogger logger, string? type, string? activityId);
}
