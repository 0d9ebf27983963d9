using System.Text.RegularExpressions;

namespace TeamsCrm.Bot.Domain.Visits;

public static partial class DateWords
{
    /// <summary>"on Friday", and the deadline leads "by/before/until Friday", kept in the match so they are cut out with the date.</summary>
    const string EnLead = @"(?<lead>(?:(?<dl>by|before|until|till|no\s+later\s+than|due(?:\s+(?:on|by))?)|on)\s+)?";
    const string EnStart = @"(?<![\p{L}\p{N}])";
    const string EnEnd = @"(?![\p{L}\p{N}])";
    const string EnWeekday = "(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)";
    const string EnNumber = "(?<n>\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty)";
    const string EnMonth = "(?<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

    static readonly string[] EnNumberWords =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    static Regex En(string core) => new(EnStart + EnLead + core + EnEnd, Options);

    static IEnumerable<Rule> EnglishRules()
    {
        yield return Offset(En(@"(the\s+)?day\s+before\s+yesterday"), -2);
        yield return Offset(En(@"(the\s+)?day\s+after\s+tomorrow"), 2);
        yield return Offset(En(@"yesterday|last\s+night"), -1);
        yield return Offset(En(@"today|tonight|this\s+(morning|afternoon|evening)"), 0);
        yield return Offset(En(@"tomorrow|tmrw|tmr"), 1);

        // "in 3 days", "within 2 weeks" (a deadline), "3 days ago", "a week ago". Calendar days, whatever DST does.
        yield return new Rule(En(@"((?<dl>within)|in)\s+" + EnNumber + @"\s+(?<u>days?|weeks?)"),
            (m, c) => EnCount(m) is { } n ? c.Today.AddDays(n) : null);
        yield return new Rule(En(EnNumber + @"\s+(?<u>days?|weeks?)\s+ago"),
            (m, c) => EnCount(m) is { } n ? c.Today.AddDays(-n) : null);

        // "next week" is its Monday, the day a plan for it starts; "this week" names no day and is left alone.
        yield return new Rule(En(@"(?<rel>next|last)\s+week"),
            (m, c) => Weekday(c, 1, EnWeekOffset(m)));
        yield return new Rule(En(@"((?<rel>this|next|last)\s+)?(the\s+)?weekend"),
            (m, c) => Weekday(c, 6, EnWeekOffset(m)));
        yield return new Rule(En(@"((?<rel>this|next|last)\s+)?" + EnWeekday),
            (m, c) =>
            {
                var wd = m.Groups["wd"].Value.ToLowerInvariant();
                // "sat" and "sun" are everyday words ("we sat down", "Sun Pharma"): only as dates when introduced or alone.
                if (wd is "sat" or "sun" && !m.Groups["rel"].Success && !m.Groups["lead"].Success && c.Text.Trim().Length != m.Length)
                    return null;
                return Weekday(c, EnIsoDay(wd), EnWeekOffset(m));
            });

        yield return new Rule(En(@"(the\s+)?(end\s+of\s+(the\s+)?(?<rel>this|next)?\s*month|(?<rel>next\s+)?month\s+end)"),
            (m, c) => EndOfMonth(c.Today, m.Groups["rel"].Value.Trim().Equals("next", StringComparison.OrdinalIgnoreCase) ? 1 : 0));

        // "Nov 20", "November 20th, 2026", "20 Nov", "20th of November".
        yield return new Rule(En(EnMonth + @"\.?\s+(?<d>\d{1,2})(st|nd|rd|th)?(,?\s+(?<y>\d{4}))?"),
            (m, c) => MonthDay(c, EnMonthNumber(m), Int(m.Groups["d"])!.Value, Int(m.Groups["y"])));
        yield return new Rule(En(@"(?<d>\d{1,2})(st|nd|rd|th)?\s+(of\s+)?" + EnMonth + @"\.?(,?\s+(?<y>\d{4}))?"),
            (m, c) => MonthDay(c, EnMonthNumber(m), Int(m.Groups["d"])!.Value, Int(m.Groups["y"])));
    }

    static Rule Offset(Regex pattern, int days) => new(pattern, (_, c) => c.Today.AddDays(days));

    static int? EnWeekOffset(Match m) => m.Groups["rel"].Value.ToLowerInvariant() switch
    {
        "this" => 0,
        "next" => 1,
        "last" => -1,
        _ => null,
    };

    static int EnIsoDay(string weekday) => weekday[..2] switch
    {
        "mo" => 1, "tu" => 2, "we" => 3, "th" => 4, "fr" => 5, "sa" => 6, _ => 7,
    };

    static int? EnCount(Match m)
    {
        var text = m.Groups["n"].Value.ToLowerInvariant();
        int? n = text switch
        {
            "a" or "an" => 1,
            "fourteen" => 14, "fifteen" => 15, "twenty" => 20, "thirty" => 30,
            _ when Array.IndexOf(EnNumberWords, text) is var i and >= 0 => i,
            _ => Int(m.Groups["n"]),
        };
        return n * (m.Groups["u"].Value.StartsWith("week", StringComparison.OrdinalIgnoreCase) ? 7 : 1);
    }

    static int EnMonthNumber(Match m) => m.Groups["mon"].Value[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, _ => 12,
    };
}
