namespace TeamsCrm.Bot.Forms;

public enum CreditCodeProblem { None, Shape, CheckCharacter }

/// <summary>
/// 统一社会信用代码, GB 32100-2015: 18 characters from digits and capital letters without I, O, S, V, Z;
/// the 18th is a check character over the first 17 (weights 3^i mod 31), which catches most typos —
/// and a typo would also slip past the duplicate check, which matches on this code.
/// </summary>
public static class CreditCodes
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static CreditCodeProblem Check(string code)
    {
        if (code.Length != 18 || code.Any(ch => !Alphabet.Contains(ch, StringComparison.Ordinal))) return CreditCodeProblem.Shape;
        return code[17] == CheckCharacter(code) ? CreditCodeProblem.None : CreditCodeProblem.CheckCharacter;
    }

    /// <summary>The check character for the first 17 characters (which must be in <see cref="Alphabet"/>).</summary>
    public static char CheckCharacter(string code)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(code[i], StringComparison.Ordinal) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }
}
