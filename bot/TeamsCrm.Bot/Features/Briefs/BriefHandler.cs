using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Briefs;

/// <summary>
/// <c>brief</c> / <c>今日简报</c>: today's brief on demand; <c>brief C-2026-00042</c>: one customer's before an unplanned visit;
/// <c>brief 7:00</c>, <c>brief off</c>, <c>brief auto</c>: when the morning brief comes (in the person's own zone), kept with them.
/// </summary>
public static class BriefHandler
{
    static readonly string[] OffWords = ["off", "关闭", "关", "不要"], DefaultWords = ["auto", "default", "on", "默认", "自动", "开启"];

    public static async Task<Reply> Command(Turn turn, ICrmArchive archive, IDirectory directory, BriefContent content, IOptions<BriefOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.Text(T.Get(c, "customers.mayNotQuery"));
        var argument = turn.Text.Trim();
        var today = LocalCalendar.Today(clock.GetUtcNow(), turn.TimeZone);
        var o = options.Value;
        if (argument.Length == 0)
        {
            var (visits, planned) = await content.ForDayAsync(me, today, ct);
            return planned == 0 ? Reply.Text(T.Get(c, "brief.nothing")) : Reply.Card(BriefCards.Day(c, today, visits, planned, o.PaymentTermDays));
        }
        if (CustomerNumbers.Parse(argument) is { } number)
        {
            var file = await content.ForCustomerAsync(number, ct);
            if (file is null) return Reply.Text(T.Get(c, "customers.notFound"));
            // The brief is the owner's: anyone else opens the file with find, as they may see it (and the read is logged).
            return CustomerAccess.Owns(me, file.Customer) ? Reply.Card(BriefCards.Customer(c, file, today, o.PaymentTermDays))
                : Reply.Text(T.Get(c, "brief.onlyOwn", number));
        }
        var words = argument.StartsWith("at ", StringComparison.OrdinalIgnoreCase) ? argument[3..].Trim() : argument;
        if (OffWords.Contains(words, StringComparer.OrdinalIgnoreCase))
        {
            await archive.Conversations.SetBriefAsync(me.AadObjectId, BriefTimes.Off, ct);
            return Reply.Text(T.Get(c, "brief.setOff"));
        }
        if (DefaultWords.Contains(words, StringComparer.OrdinalIgnoreCase))
        {
            await archive.Conversations.SetBriefAsync(me.AadObjectId, null, ct);
            return Reply.Text(o.TimeFor(null) is { } usual ? T.Get(c, "brief.setAt", BriefTimes.Format(usual), turn.TimeZone.Id) : T.Get(c, "brief.setOff"));
        }
        if (BriefTimes.Parse(words) is { } at)
        {
            await archive.Conversations.SetBriefAsync(me.AadObjectId, BriefTimes.Format(at), ct);
            return Reply.Text(T.Get(c, "brief.setAt", BriefTimes.Format(at), turn.TimeZone.Id));
        }
        return Reply.Text(T.Get(c, "brief.how"));
    }

    /// <summary>A button for today's brief (the daily digest's): the brief as a new card, as if <c>brief</c> were typed.</summary>
    public static Task<Reply> Open(Turn turn, ICrmArchive archive, IDirectory directory, BriefContent content, IOptions<BriefOptions> options,
        TimeProvider clock, CancellationToken ct) =>
        Command(turn with { Text = "" }, archive, directory, content, options, clock, ct);
}
