using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace TeamsCrm.Bot.Cards;

/// <summary>
/// Localised text: en and zh-CN, chosen from the activity's locale ("zh", "zh-CN", "zh-Hans" → Chinese,
/// everything else → English). Strings live in JSON files embedded as TeamsCrm.Strings.{area}.{culture}.json:
/// Cards/Strings/common.*.json for what every card shares, and one pair per feature next to its handler.
/// A key may be defined once; a missing Chinese text falls back to English.
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

    static FrozenDictionary<string, string> Load(string culture)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        var assembly = typeof(T).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("TeamsCrm.Strings.", StringComparison.Ordinal) && n.EndsWith($".{culture}.json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (key, text) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
                if (!table.TryAdd(key, text)) throw new InvalidOperationException($"Text '{key}' is defined twice ({name}).");
        }
        return table.ToFrozenDictionary();
    }
}
