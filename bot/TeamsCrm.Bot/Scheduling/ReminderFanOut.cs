using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Reminders;
using TeamsCrm.Bot.Turns;
using TeamsCrm.BotFramework.Connector;

namespace TeamsCrm.Bot.Scheduling;

/// <summary>
/// How a fan-out ended: every recipient reached (or recorded), or not (<see cref="Done"/> false: resumed when the claim's
/// lease runs out); <see cref="HeldUntil"/>: someone's reminder waits for their quiet time to end, the earliest such end.
/// </summary>
public sealed record FanOutResult(bool Done, DateTimeOffset? HeldUntil = null)
{
    public static readonly FanOutResult Complete = new(true);
    public static readonly FanOutResult Unfinished = new(false);
}

/// <summary>
/// Sends one claimed occurrence to its recipients — the channel, or each person for a personal reminder — skipping
/// those already recorded as sent, and records each delivery right after the connector accepts it. A recipient the
/// bot can no longer reach (blocked, removed, gone) is recorded too: it is not retried. A send that fails otherwise
/// (429 past the retries, 5xx) is left unrecorded and the run reports itself unfinished. A person in their quiet hours
/// is left unrecorded too, and the run says until when: the scheduler holds the occurrence till then and resumes it.
/// </summary>
/// <remarks>
/// The record follows the send, so a crash between the two — one send wide per recipient in flight — can repeat that
/// one message on resume; recording first would lose it instead. Teams has no idempotency key for sends to close the gap.
/// </remarks>
public sealed partial class ReminderFanOut(ICrmArchive archive, ReminderContent content, IChannelMessenger messenger, IOptions<ReminderOptions> options,
    TimeProvider clock, ILogger<ReminderFanOut> log)
{
    public async Task<FanOutResult> RunAsync(DueReminder reminder, CancellationToken ct)
    {
        var sent = await archive.Reminders.SentToAsync(reminder.Key, ct);
        if (reminder.Channel is { } settings)
        {
            if (sent.Contains(settings.ChannelId)) return FanOutResult.Complete;
            var channel = await archive.Conversations.FindConversationAsync(settings.ChannelId, ct);
            if (channel is null || await archive.Conversations.IsUnreachableAsync(channel.Id, ct))
            {
                LogUnreachable(log, reminder.Key, settings.ChannelId);
                return FanOutResult.Complete;
            }
            var card = await content.ChannelCardAsync(reminder.Kind, settings, channel, reminder.Occurrence, ct);
            return await DeliverAsync(reminder.Key, settings.ChannelId, () => messenger.PostCardAsync(channel, card, ct), ct)
                ? FanOutResult.Complete : FanOutResult.Unfinished;
        }

        var cards = (await content.PersonalCardsAsync(reminder.Kind, reminder.Occurrence, ct)).Where(p => !sent.Contains(p.AadObjectId)).ToList();
        var complete = true;
        var held = new List<DateTimeOffset>();
        var now = clock.GetUtcNow();
        await Parallel.ForEachAsync(cards, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism), CancellationToken = ct },
            async (person, token) =>
            {
                if (await archive.Conversations.FindUserAsync(person.AadObjectId, token) is not { } user)
                {
                    // Never talked to the bot: there is no "29:" id to start a chat with. Nothing to retry.
                    await archive.Reminders.RecordSentAsync(reminder.Key, person.AadObjectId, clock.GetUtcNow(), token);
                    return;
                }
                switch (When(reminder, user, now))
                {
                    case Delivery.Later(var until):
                        lock (held) held.Add(until);
                        return;
                    case Delivery.Superseded:
                        // Muted by them, or the same kind's next one reaches them first, or on the same day: one message, not two.
                        await archive.Reminders.RecordSentAsync(reminder.Key, person.AadObjectId, clock.GetUtcNow(), token);
                        return;
                }
                if (!await DeliverAsync(reminder.Key, person.AadObjectId, () => messenger.SendCardAsync(user, person.Card, token), token)) complete = false;
            });
        return !complete ? FanOutResult.Unfinished : held.Count > 0 ? new FanOutResult(true, held.Min()) : FanOutResult.Complete;
    }

    abstract record Delivery
    {
        public sealed record Now : Delivery;
        public sealed record Later(DateTimeOffset Until) : Delivery;
        public sealed record Superseded : Delivery;
    }

    /// <summary>
    /// When a personal reminder reaches <paramref name="user"/>: now, or at the end of their quiet time (in their zone, as
    /// their client last told it); never for a kind they muted, or one their daily digest carries. A digest that the next one of its kind repeats (approvals waiting, purges soon) is dropped
    /// when that next one comes by then or on the same day; a day's follow-ups are that day's alone, so they always come.
    /// </summary>
    Delivery When(DueReminder reminder, UserRef user, DateTimeOffset now)
    {
        if (user.Settings?.HasMuted(reminder.Kind) == true) return new Delivery.Superseded();
        // In the daily digest, which comes with the day's follow-ups: not a card of its own.
        if (user.Settings?.Digest == true && reminder.Kind is ReminderKind.ApprovalDigest or ReminderKind.PurgeSoon) return new Delivery.Superseded();
        var zone = LocalCalendar.FindZone(user.TimeZone) ?? CompanyZone;
        var until = (user.Settings?.QuietHours ?? QuietHours.Default).EndsAfter(now, zone);
        var at = until ?? now;
        var timing = options.Value.PersonalTimings().FirstOrDefault(t => t.Kind == reminder.Kind);
        var next = timing is null || reminder.Kind == ReminderKind.FollowUps ? (DateTimeOffset?)null
            : Occurrences.Between(timing, CompanyZone, reminder.Occurrence, at.AddDays(2)).Cast<DateTimeOffset?>().FirstOrDefault();
        if (next is { } n && (n <= at || LocalCalendar.DateOf(n, zone) == LocalCalendar.DateOf(at, zone))) return new Delivery.Superseded();
        return until is { } later ? new Delivery.Later(later) : new Delivery.Now();
    }

    /// <summary>
    /// A snoozed reminder, again, to the one who snoozed it: their card for its kind as it was at its occurrence (none when
    /// nothing is left to say, or they muted the kind since). False when the send failed and is to be tried again.
    /// </summary>
    public async Task<bool> SendSnoozedAsync(ReminderSnooze snooze, CancellationToken ct)
    {
        if (await archive.Conversations.FindUserAsync(snooze.Recipient, ct) is not { } user || user.Settings?.HasMuted(snooze.Kind) == true) return true;
        if ((await archive.Reminders.SentToAsync(snooze.ClaimKey, ct)).Count > 0) return true;
        var card = (await content.PersonalCardsAsync(snooze.Kind, snooze.Occurrence, ct))
            .FirstOrDefault(p => string.Equals(p.AadObjectId, snooze.Recipient, StringComparison.OrdinalIgnoreCase)).Card;
        return card is null || await DeliverAsync(snooze.ClaimKey, snooze.Recipient, () => messenger.SendCardAsync(user, card, ct), ct);
    }

    TimeZoneInfo CompanyZone => LocalCalendar.FindZone(options.Value.TimeZone) ?? TimeZoneInfo.Utc;

    async Task<bool> DeliverAsync(string key, string recipient, Func<Task<PostedCard?>> send, CancellationToken ct)
    {
        try
        {
            await send();   // null: blocked or removed meanwhile, marked by the messenger; nothing to retry
        }
        // Throttled or failing past the retries, or unanswered (it may have arrived: never sent again blindly here): left
        // unrecorded, so the run ends unfinished and the resumed one sends it again.
        catch (Exception e) when (e is TimeoutException or HttpRequestException
            || e is ConnectorException { Status: System.Net.HttpStatusCode.TooManyRequests } || e is ConnectorException c && (int)c.Status >= 500)
        {
            LogRetryLater(log, e, key, recipient);
            return false;
        }
        await archive.Reminders.RecordSentAsync(key, recipient, clock.GetUtcNow(), ct);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Key}: channel {ChannelId} is unknown, removed or blocked; skipped")]
    static partial void LogUnreachable(ILogger logger, string key, string channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Key} to {Recipient} not sent yet; tried again when the claim is resumed")]
    static partial void LogRetryLater(ILogger logger, Exception e, string key, string recipient);
}
