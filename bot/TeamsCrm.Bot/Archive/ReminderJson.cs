using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain.Reminders;

namespace TeamsCrm.Bot.Archive;

/// <summary>A channel's timings and reps as the JSON both archives keep them in (one column each, read and written whole).</summary>
static class ReminderJson
{
    public static string Timings(IEnumerable<ReminderTiming> timings) => new JsonArray(timings.Select(t => (JsonNode)new JsonObject
    {
        ["kind"] = t.Kind.ToString(), ["enabled"] = t.Enabled, ["day"] = t.Day, ["time"] = t.Time.ToString("HH:mm", CultureInfo.InvariantCulture),
    }).ToArray()).ToJsonString();

    /// <summary>Kinds this version does not know (written by a newer one) are left out.</summary>
    public static IReadOnlyList<ReminderTiming> Timings(string json) =>
        [.. (JsonNode.Parse(json) as JsonArray ?? []).OfType<JsonObject>()
            .Where(o => Enum.TryParse<ReminderKind>((string?)o["kind"], out _))
            .Select(o => new ReminderTiming(Enum.Parse<ReminderKind>((string)o["kind"]!), (bool?)o["enabled"] ?? false, (int?)o["day"] ?? 0,
                TimeOnly.ParseExact((string?)o["time"] ?? "00:00", "HH:mm", CultureInfo.InvariantCulture)))];

    public static string Reps(IEnumerable<string> reps) => JsonSerializer.Serialize(reps);

    public static IReadOnlyList<string> Reps(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
