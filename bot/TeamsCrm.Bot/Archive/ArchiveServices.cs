using TeamsCrm.Bot.Archive.Sqlite;

namespace TeamsCrm.Bot.Archive;

public static class ArchiveServices
{
    /// <summary>Archive:Provider = Sqlite (the default: a file under data/, no cloud needed).</summary>
    public static IServiceCollection AddArchive(this IServiceCollection services, IConfiguration config)
    {
        var provider = config["Archive:Provider"] ?? "Sqlite";
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Archive:Provider '{provider}' is not known. Use 'Sqlite'.");
        // The path is read when the database is first needed, not now: configuration added after this call
        // (Program.Build's customize step, which the tests use for a database of their own) must count.
        services.AddSingleton(_ => new SqliteDatabase(config["Archive:Sqlite:Path"] ?? "data/teamscrm.db"));
        services.AddSingleton<ICrmArchive, SqliteArchive>();
        return services;
    }
}
