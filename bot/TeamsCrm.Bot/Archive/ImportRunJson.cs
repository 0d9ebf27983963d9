using System.Text.Json;
using System.Text.Json.Serialization;
using TeamsCrm.Bot.Domain.Imports;

namespace TeamsCrm.Bot.Archive;

/// <summary>The parts of an import run both archives keep as JSON text: the mapping, the owner map, the rows done, the counts.</summary>
static class ImportRunJson
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Mapping(LedgerMapping mapping) => JsonSerializer.Serialize(mapping, Options);
    public static LedgerMapping Mapping(string json) => JsonSerializer.Deserialize<LedgerMapping>(json, Options) ?? new LedgerMapping([]);

    public static string Map<T>(IReadOnlyDictionary<string, T> map) => JsonSerializer.Serialize(map, Options);
    public static IReadOnlyDictionary<string, T> Map<T>(string? json) =>
        string.IsNullOrEmpty(json) ? new Dictionary<string, T>() : JsonSerializer.Deserialize<Dictionary<string, T>>(json, Options) ?? [];

    public static string? Counts(ImportCounts? counts) => counts is null ? null : JsonSerializer.Serialize(counts, Options);
    public static ImportCounts? Counts(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<ImportCounts>(json, Options);
}
