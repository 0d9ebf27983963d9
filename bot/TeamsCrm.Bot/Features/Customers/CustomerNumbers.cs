using System.Text;
using System.Text.RegularExpressions;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>Registration numbers as people type them: "c-2026-00042", "Ｃ－２０２６－０００４２".</summary>
public static partial class CustomerNumbers
{
    public static string? Parse(string? text)
    {
        if (text is null) return null;
        var folded = text.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant();
        return Shape().IsMatch(folded) ? folded : null;
    }

    [GeneratedRegex(@"^C-\d{4}-\d{5}$")]
    private static partial Regex Shape();
}
