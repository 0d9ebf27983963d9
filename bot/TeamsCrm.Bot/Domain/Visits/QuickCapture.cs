using System.Globalization;
using System.Text.RegularExpressions;

namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>
/// What a free-text visit note says, as a draft for the visit form: nothing here is final. The customer is a
/// candidate to resolve with <see cref="CustomerMatcher"/>; the rep confirms everything on the card.
/// Texts are returned width-folded ("Ａｃｍｅ" → "Acme").
/// </summary>
/// <param name="VisitDateStated">False when no date was said and <see cref="VisitDate"/> defaulted to today.</param>
/// <param name="Method">Only when the words say it ("visited" → on-site, "called" → phone, 电话拜访 → phone).</param>
public sealed record VisitCapture(
    string? CustomerCandidate,
    DateOnly VisitDate,
    bool VisitDateStated,
    string? Contact,
    string? Topic,
    string? NextAction,
    DateOnly? NextActionDate,
    VisitMethod? Method);

/// <summary>
/// Reads "visited Acme today, met Wang about pricing, next: send quote Friday" or
/// "今天拜访了华为，和王经理谈了价格，下周五前发报价" into a <see cref="VisitCapture"/>.
/// </summary>
/// <remarks>
/// The next action starts at an explicit marker (next:, next step, 下一步, 然后, 接下来, 后续); without one, at
/// the clause holding a deadline ("by Friday", "下周五前") or a date after today ("tomorrow", "下周三").
/// A bare "Friday" without a marker is read as the visit's day (past), because a report is about the past.
/// </remarks>
public static class QuickCapture
{
    public static VisitCapture Parse(string text, DateTimeOffset now, TimeZoneInfo zone, CultureInfo? culture = null)
    {
        var t = TextFold.Narrow(text);
        var today = LocalCalendar.Today(now, zone);
        var (visitEnd, nextStart) = SplitNext(t, today, culture);

        var visit = t[..visitEnd];
        var dates = DateWords.FindAll(visit, today, DateDirection.Past, culture);
        var cut = new List<(int Start, int End)>();
        if (dates.Count > 0) cut.Add((dates[0].Index, dates[0].End));

        string? customer = null;
        var customerEnd = -1;
        VisitMethod? method = null;
        var trigger = CaptureText.Trigger.Match(visit);
        if (trigger.Success)
        {
            var start = CaptureText.SkipBlanks(visit, trigger.Index + trigger.Length, visit.Length);
            customerEnd = CaptureText.NameEnd(visit, start, visit.Length, dates, CaptureText.CustomerStops);
            customer = CaptureText.Clean(visit[start..customerEnd]);
            var channel = CaptureText.ChannelBefore.Match(visit[..trigger.Index]);
            cut.Add((channel.Success ? channel.Index : trigger.Index, customerEnd));
            method = MethodOf(trigger, channel);
        }

        var contact = FindContact(visit, trigger.Success ? trigger.Index : -1, customerEnd, dates);
        if (contact is { } c) cut.Add((c.Start, c.End));

        string? action = null;
        DateOnly? due = null;
        if (nextStart is { } ns)
        {
            var next = t[ns..];
            var nextDates = DateWords.FindAll(next, today, DateDirection.Future, culture);
            var nextCut = new List<(int Start, int End)>();
            if (nextDates.Count > 0)
            {
                due = nextDates[0].Date;
                nextCut.Add((nextDates[0].Index, nextDates[0].End));
            }
            action = Remainder(next, nextCut);
        }

        return new VisitCapture(customer, dates.Count > 0 ? dates[0].Date : today, dates.Count > 0,
            contact?.Name, Remainder(visit, cut), action, due, method);
    }

    /// <summary>Where the visit part ends and the next-action part begins (null: there is none).</summary>
    static (int VisitEnd, int? NextStart) SplitNext(string t, DateOnly today, CultureInfo? culture)
    {
        var marker = CaptureText.NextMarker.Match(t);
        if (marker.Success) return (marker.Index, marker.Index + marker.Length);
        foreach (var d in DateWords.FindAll(t, today, DateDirection.Past, culture))
        {
            if (!d.IsDeadline && d.Date <= today) continue;
            // The clause holding the future date is the next action, unless the visit is told in the same clause
            // ("拜访华为下周五前发报价"): then it starts at the date.
            var clause = CaptureText.ClauseStart(t, d.Index);
            var at = CaptureText.Trigger.Match(t[clause..d.Index]).Success ? d.Index : clause;
            return (at, at);
        }
        return (t.Length, null);
    }

    static VisitMethod MethodOf(Match trigger, Match channel)
    {
        if (trigger.Groups["phone"].Success) return VisitMethod.Phone;
        if (trigger.Groups["email"].Success) return VisitMethod.Email;
        if (trigger.Groups["video"].Success) return VisitMethod.Video;
        return !channel.Success ? VisitMethod.OnSite
            : channel.Groups["phone"].Success ? VisitMethod.Phone
            : channel.Groups["video"].Success ? VisitMethod.Video
            : VisitMethod.Email;
    }

    /// <summary>The contact, after the customer ("拜访了华为，和王经理…") or before the visit verb ("跟王经理拜访了华为").</summary>
    static (string Name, int Start, int End)? FindContact(string visit, int triggerAt, int customerEnd, IReadOnlyList<DateMatch> dates)
    {
        var rightAfterCustomer = customerEnd < 0 ? -1 : SkipSpacesAndDates(visit, customerEnd, dates);
        for (var m = CaptureText.ContactMarker.Match(visit); m.Success; m = m.NextMatch())
        {
            if (m.Index >= triggerAt && m.Index < customerEnd) continue;   // inside the customer's name (美的, 中和)
            var placed = m.Groups["verb"].Success
                || m.Index == rightAfterCustomer
                || (m.Groups["join"].Success && AtClauseStart(visit, m.Index, dates));
            if (!placed) continue;
            var start = SkipSpaces(visit, m.Index + m.Length);
            var limit = m.Index < triggerAt ? triggerAt : visit.Length;
            var end = CaptureText.NameEnd(visit, start, limit, dates, CaptureText.ContactStops);
            if (CaptureText.Clean(visit[start..end]) is { } name) return (name, m.Index, end);
        }
        return null;
    }

    // Only blanks (or a date, as in "今天和王经理…") between the clause start and the position.
    static bool AtClauseStart(string t, int index, IReadOnlyList<DateMatch> dates)
    {
        for (var i = CaptureText.ClauseStart(t, index); i < index; i++)
            if (!char.IsWhiteSpace(t[i]) && !dates.Any(d => i >= d.Index && i < d.End)) return false;
        return true;
    }

    static int SkipSpaces(string t, int i)
    {
        while (i < t.Length && char.IsWhiteSpace(t[i])) i++;
        return i;
    }

    // "went to Initech on Monday with Peter": the date between customer and "with" does not separate them.
    static int SkipSpacesAndDates(string t, int i, IReadOnlyList<DateMatch> dates)
    {
        i = SkipSpaces(t, i);
        while (dates.FirstOrDefault(d => d.Index == i) is { Length: > 0 } d) i = SkipSpaces(t, d.End);
        return i;
    }

    /// <summary>The text left once the recognised parts are cut out, in fragments joined the way the text was written.</summary>
    static string? Remainder(string part, List<(int Start, int End)> cut)
    {
        var chars = part.ToCharArray();
        foreach (var (start, end) in cut)
            for (var i = start; i < end; i++) chars[i] = ' ';
        var rest = new string(chars);
        var fragments = new List<string>();
        var from = 0;
        for (var i = 0; i <= rest.Length; i++)
        {
            if (i < rest.Length && !CaptureText.IsSeparator(rest, i)) continue;
            var fragment = CaptureText.Clean(CaptureText.LeadingJoiners.Replace(rest[from..i].Trim().TrimStart(':', '-').TrimStart(), ""));
            if (fragment is not null) fragments.Add(fragment);
            from = i + 1;
        }
        if (fragments.Count == 0) return null;
        return string.Join(fragments.Any(TextFold.HasHan) ? "，" : ", ", fragments);
    }
}
