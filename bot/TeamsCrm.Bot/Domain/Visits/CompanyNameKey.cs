using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>
/// The part of a company name people actually say: case, full-width forms, punctuation, spaces and legal
/// suffixes (Ltd, Co., Inc., GmbH, 有限公司, 公司, 集团, 股份 …) removed. "ACME Co., Ltd." and "Ａｃｍｅ" are both "acme";
/// "华为技术有限公司" is "华为技术".
/// </summary>
public static class CompanyNameKey
{
    static readonly Regex LatinSuffix = new(
        @"[\s\p{P}]*(?<![\p{L}\p{N}])(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc|gmbh|ag|sa|bv|group|holdings?)[\s\p{P}]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    static readonly Regex ChineseSuffix = new(@"[\s\p{P}]*(股份有限公司|有限责任公司|有限公司|分公司|集团|股份|公司|控股)[\s\p{P}]*$");
    static readonly Regex LeadingThe = new(@"^\s*the\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static string Of(string name)
    {
        var s = LeadingThe.Replace(name.Normalize(NormalizationForm.FormKC).ToLowerInvariant(), "");
        // Strip suffixes from the end, one at a time ("Co., Ltd.", "集团有限公司"), but never the whole name.
        for (var stripped = Strip(s); stripped != s && Letters(stripped).Length > 0; stripped = Strip(s))
            s = stripped;
        return Letters(s);
    }

    static string Strip(string s) => ChineseSuffix.Replace(LatinSuffix.Replace(s, "", 1), "", 1);

    static string Letters(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLower(ch, CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
