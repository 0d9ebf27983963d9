using System.Globalization;
using System.Text;

namespace TeamsCrm.Bot.Domain;

/// <summary>
/// Normal forms for the duplicate check and for search: the same customer must not be filed twice
/// (DOMAIN.md), whether typed "ACME Ltd.", "acme ltd" or "Ａｃｍｅ　Ltd" (full-width, as Chinese IMEs produce).
/// </summary>
public static class CustomerNames
{
    /// <summary>Lower case, full-width folded to ASCII, punctuation and spaces removed.</summary>
    public static string Normalize(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC);   // full-width Ａ → A, ideographic space → space
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLower(ch, CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>Digits only, without a +86 / 0086 country prefix: "+86 138-0013-8000" = "13800138000".</summary>
    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Normalize(NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        else if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13) digits = digits[2..];
        return digits.Length == 0 ? null : digits;
    }

    /// <summary>统一社会信用代码: 18 characters, upper case, no spaces.</summary>
    public static string? NormalizeCreditCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : new string(code.Normalize(NormalizationForm.FormKC).Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
}
