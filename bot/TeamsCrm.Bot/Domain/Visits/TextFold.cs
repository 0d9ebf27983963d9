namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>
/// Folds full-width ASCII (what Chinese input methods type: "１１／２０", "ＡＣＭＥ", "，", "：") to plain ASCII,
/// one character for one, so that positions found in the folded text are positions in what the user typed.
/// (Unicode NFKC would also fold, but can change the length and break those positions.)
/// </summary>
public static class TextFold
{
    public static string Narrow(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',   // ideographic space
                _ => c,
            };
        }
    });

    /// <summary>CJK unified ideographs (and extension A): where a name or a sentence is Chinese.</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    public static bool HasHan(string s) => s.Any(IsHan);
}
