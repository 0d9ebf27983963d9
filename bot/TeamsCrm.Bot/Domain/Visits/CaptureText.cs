using System.Text.RegularExpressions;

namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>
/// The words quick capture looks for, in English and Chinese, and how it finds the ends of names and clauses.
/// Works on width-folded text (<see cref="TextFold.Narrow"/>), so "，" and "," are the same here.
/// </summary>
static class CaptureText
{
    const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    const string Start = @"(?<![\p{L}])";
    const string End = @"(?![\p{L}])";

    /// <summary>Where the next action starts: "next:", "next step", "follow-up:", 下一步, 然后, 接下来, 后续.</summary>
    public static readonly Regex NextMarker = new(
        Start + @"(next\s*(steps?|actions?)?\s*:|next\s+steps?" + End + @"|next\s+actions?" + End + @"|follow[-\s]?ups?\s*:|to\s*-?do\s*:)"
        + "|下一步|下步|然后|接下来|后续|待办", Options);

    /// <summary>What introduces the customer, and what it says about the method (拜访方式).</summary>
    public static readonly Regex Trigger = new(
        "(?<onsite>" + Start + @"(visited|visiting|visit\s+(to|at)|went\s+to|dropped\s+by|stopped\s+by|called\s+on)" + End
        + "|拜访了|拜访|走访了|走访|回访了|回访|到访了|到访|见了|(?<![过回出进上下失])去了|(?<![过回出进上下失])去(?![了年世])"
        + ")|(?<phone>" + Start + "(called|phoned|rang)" + End + "|致电)"
        + "|(?<email>" + Start + @"(e-?mailed|wrote\s+to)" + End + ")"
        + "|(?<video>" + Start + @"video[-\s]?called" + End + ")", Options);

    /// <summary>"电话拜访", "视频拜访", "phone visit to": a channel word right before an on-site verb overrides it.</summary>
    public static readonly Regex ChannelBefore = new(
        "((?<phone>电话|" + Start + "phone" + End + ")|(?<video>视频|" + Start + "video" + End + ")|(?<email>邮件|" + Start + @"e-?mail" + End + @"))\s*$", Options);

    /// <summary>Words that end a customer mention. Chinese stops need two characters before them (和利时, 同仁堂 start with one).</summary>
    public static readonly Regex CustomerStops = new(
        @"(?<en>\s+(met|with|about|regarding|re|for|to|and|on|at|in|who|but|because)" + End + ")"
        + "|(?<zh>和|与|跟|同|的|谈|聊|讨论|沟通|交流|商量|商谈|并|见了|见到|会见|约见)", Options);

    /// <summary>What introduces the contact (接洽人). "with", 的 and 和/与/跟/同 only count right after the customer or at a clause start.</summary>
    public static readonly Regex ContactMarker = new(
        "(?<verb>" + Start + @"(met\s+with|met|spoke\s+(with|to)|talked\s+(with|to)|saw)\s+|会见了|约见了|见了|见到了|见到)"
        + "|(?<with>" + Start + @"with\s+)|(?<of>的)|(?<join>[和与跟同])", Options);

    /// <summary>Words that end a contact's name.</summary>
    public static readonly Regex ContactStops = new(
        @"(?<en>\s+(about|regarding|re|on|to|for|at|who|from|and\s+(discussed|talked|agreed|went|reviewed|showed|presented))" + End + ")"
        + "|(?<zh>谈|聊|讨论|沟通|交流|商量|商谈|说|确认|介绍|演示|见面|开会|了解|一起|吃饭|签|在|对|关于|就)", Options);

    /// <summary>Leading words that only join a fragment to what was cut out before it: "about pricing" → "pricing".</summary>
    public static readonly Regex LeadingJoiners = new(@"^(" + @"(and|also|then|about|regarding|re|to|will)\s+" + "|并且|并|还有)", Options);

    /// <summary>Separators between clauses: , ; 、 。 ! ? and a full stop that ends a sentence.</summary>
    public static bool IsSeparator(string t, int i) => t[i] switch
    {
        ',' or ';' or '、' or '。' or '!' or '?' or '\n' or '\r' => true,
        '.' => !IsAbbreviationDot(t, i),
        _ => false,
    };

    /// <summary>A name also ends at a colon ("Acme: pricing").</summary>
    public static bool EndsName(string t, int i) => t[i] == ':' || IsSeparator(t, i);

    // "Mr. Wang", "Acme Co. Ltd", "1.5 million": a dot inside a name or number, not the end of a sentence.
    static bool IsAbbreviationDot(string t, int i)
    {
        if (i > 0 && i + 1 < t.Length && char.IsDigit(t[i - 1]) && char.IsDigit(t[i + 1])) return true;
        var start = i;
        while (start > 0 && char.IsAsciiLetter(t[start - 1])) start--;
        var word = t[start..i].ToLowerInvariant();
        return word is "mr" or "mrs" or "ms" or "dr" or "st" or "jr" or "co" or "corp" or "inc" or "ltd" or "no" or "vs";
    }

    /// <summary>Index just after the last separator before <paramref name="index"/>.</summary>
    public static int ClauseStart(string t, int index)
    {
        for (var i = index - 1; i >= 0; i--)
            if (IsSeparator(t, i)) return i + 1;
        return 0;
    }

    public static int SkipBlanks(string t, int i, int limit)
    {
        while (i < limit && (char.IsWhiteSpace(t[i]) || t[i] is ':' or '-' or '—' or ',')) i++;
        return i;
    }

    /// <summary>Where a name starting at <paramref name="start"/> ends: a separator, a date, or a stop word.</summary>
    public static int NameEnd(string t, int start, int limit, IReadOnlyList<DateMatch> dates, Regex stops)
    {
        var end = limit;
        for (var i = start; i < limit; i++)
            if (EndsName(t, i)) { end = i; break; }
        foreach (var d in dates)
            if (d.Index >= start && d.Index < end) end = d.Index;
        for (var stop = stops.Match(t, start); stop.Success && stop.Index < end; stop = stop.NextMatch())
        {
            var min = stop.Groups["zh"].Success && t[start..stop.Index].Any(TextFold.IsHan) ? 2 : 1;
            if (stop.Index - start >= min) { end = stop.Index; break; }
        }
        return end;
    }

    /// <summary>Trimmed, without trailing punctuation; null when nothing is left.</summary>
    public static string? Clean(string s)
    {
        var trimmed = s.Trim().TrimEnd(',', ';', ':', '、', '。', '!', '?', '.').Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
