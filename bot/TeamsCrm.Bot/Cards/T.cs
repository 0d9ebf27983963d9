using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace TeamsCrm.Bot.Cards;

/// <summary>
/// Localised text: en and zh-CN, chosen from the activity's locale ("zh", "zh-CN", "zh-Hans" → Chinese,
/// everything else → English). Strings live in Cards/Strings/*.json; a missing key falls back to English.
/// </summary>
public static class T
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    static readonly FrozenDictionary<string, string> En = Load("en");
    static readonly FrozenDictionary<string, string> Zh = Load("zh-CN");

    public static CultureInfo CultureFor(string? locale) =>
        locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public static string Get(CultureInfo culture, string key, params object?[] args)
    {
        var table = culture.Name.StartsWith("zh", StringComparison.Ordinal) ? Zh : En;
        var text = table.GetValueOrDefault(key) ?? En.GetValueOrDefault(key) ?? throw new KeyNotFoundException($"No text for '{key}'.");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }

    internal static IReadOnlyCollection<string> Keys(CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.Ordinal) ? Zh.Keys : En.Keys;

    static FrozenDictionary<string, string> Load(string name)
    {
        using var stream = typeof(T).Assembly.GetManifestResourceStream($"TeamsCrm.Strings.{name}.json")
            ?? throw new InvalidOperationException($"Missing string table {name}.");
        return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? []).ToFrozenDictionary();
    }
}
