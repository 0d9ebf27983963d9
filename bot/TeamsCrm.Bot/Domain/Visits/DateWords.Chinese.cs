using System.Text.RegularExpressions;

namespace TeamsCrm.Bot.Domain.Visits;

public static partial class DateWords
{
    /// <summary>"下周五前", "11月20日之前": a deadline. Not 前往/前去 ("明天前往华为" is "go to Huawei tomorrow").</summary>
    const string ZhDeadline = "(?<dl>之前|以前|前(?![往去来]))?";
    const string ZhNumber = "(?<n>\\d{1,3}|[零一二两三四五六七八九十]{1,3})";
    const string ZhSmall = "\\d{1,2}|[一二三四五六七八九十]{1,3}";

    static Regex Zh(string core) => new(core + ZhDeadline, Options);

    static IEnumerable<Rule> ChineseRules()
    {
        yield return Offset(Zh("大前天"), -3);
        yield return Offset(Zh("前天"), -2);
        yield return Offset(Zh("昨天|昨日|昨晚|昨儿"), -1);
        yield return Offset(Zh("今天|今日|今早|今晚|今儿"), 0);
        yield return Offset(Zh("明天|明日|明早|明晚|明儿"), 1);
        yield return Offset(Zh("后天"), 2);
        yield return Offset(Zh("大后天"), 3);

        // "3天后", "两周后", "三个星期以后", "5天前" (ago — not a deadline here), "3天内" (within: a deadline), "过两天".
        yield return new Rule(new Regex(ZhNumber + "\\s*个?\\s*(?<u>天|日|周|星期|礼拜)\\s*(?<dir>以后|之后|后|以前|之前|前|(?<dl>以内|之内|内))", Options),
            (m, c) => ZhCount(m) is { } n ? c.Today.AddDays(m.Groups["dir"].Value.EndsWith('前') ? -n : n) : null);
        yield return new Rule(new Regex("过\\s*" + ZhNumber + "\\s*个?\\s*(?<u>天|周|星期|礼拜)", Options),
            (m, c) => ZhCount(m) is { } n ? c.Today.AddDays(n) : null);

        // 周五, 星期五, 礼拜天, 本周三, 这个星期三, 下周一, 上周五, 下下周一, 下周 (its Monday), 周末 (Saturday).
        yield return new Rule(Zh("(?<rel>下下|上上|下个|上个|这个|下|上|本|这)?(?<w>周|星期|礼拜)(?<wd>[一二三四五六日天七末1-7])?"),
            (m, c) =>
            {
                var rel = m.Groups["rel"].Value;
                int? week = rel switch
                {
                    "下下" => 2, "上上" => -2, "下" or "下个" => 1, "上" or "上个" => -1, "本" or "这" or "这个" => 0, _ => null,
                };
                if (!m.Groups["wd"].Success)
                    return week is { } k and not 0 ? Weekday(c, 1, k) : null;   // 下周 → its Monday; bare 周, 本周 name no day
                return Weekday(c, ZhIsoDay(m.Groups["wd"].Value[0]), week);
            });

        // 11月20日, 11月20号, 十一月二十号, 2026年11月20日.
        yield return new Rule(Zh("((?<y>\\d{4})\\s*年\\s*)?(?<m>" + ZhSmall + ")\\s*月\\s*(?<d>" + ZhSmall + ")(?!\\d)\\s*[日号]?"),
            (m, c) => Int(m.Groups["m"]) is { } month && Int(m.Groups["d"]) is { } day ? MonthDay(c, month, day, Int(m.Groups["y"])) : null);

        // 月底, 本月底, 下月底, 下个月底: the last day of the month.
        yield return new Rule(Zh("(?<rel>本|这个|下个?)?月底"),
            (m, c) => EndOfMonth(c.Today, m.Groups["rel"].Value.StartsWith('下') ? 1 : 0));
    }

    static int ZhIsoDay(char c) => c switch
    {
        '一' or '1' => 1, '二' or '2' => 2, '三' or '3' => 3, '四' or '4' => 4, '五' or '5' => 5, '六' or '6' or '末' => 6, _ => 7,
    };

    static int? ZhCount(Match m) =>
        Int(m.Groups["n"]) is { } n ? n * (m.Groups["u"].Value == "天" || m.Groups["u"].Value == "日" ? 1 : 7) : null;

    /// <summary>Chinese numerals up to 99 as people write them in dates and counts: 三, 两, 十, 十一, 二十, 二十一.</summary>
    internal static int? ChineseNumber(string s)
    {
        static int Digit(char c) => "零一二三四五六七八九".IndexOf(c) is var i and >= 0 ? i : c == '两' ? 2 : -1;
        if (s.Length == 0) return null;
        var ten = s.IndexOf('十');
        if (ten < 0) return s.Length == 1 && Digit(s[0]) >= 0 ? Digit(s[0]) : null;
        var tens = ten == 0 ? 1 : ten == 1 && Digit(s[0]) > 0 ? Digit(s[0]) : -1;
        var rest = s[(ten + 1)..];
        var ones = rest.Length == 0 ? 0 : rest.Length == 1 && Digit(rest[0]) >= 0 ? Digit(rest[0]) : -1;
        return tens < 0 || ones < 0 ? null : tens * 10 + ones;
    }
}
