using TeamsCrm.Bot.Archive.Sqlite;

namespace TeamsCrm.Bot.Archive;

public static class ArchiveServices
{
    /// <summary>
    /// Archive:Provider = Sqlite (the default: a file under data/, no cloud needed). Settings are read when
    /// the archive is first needed, not here, so that every configuration source (tests too) is in place.
    /// </summary>
    public static IServiceCollection AddArchive(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var provider = config["Archive:Provider"] ?? "Sqlite";
            if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"Archive:Provider '{provider}' is not known. Use 'Sqlite'.");
            return new SqliteDatabase(config["Archive:Sqlite:Path"] ?? "data/teamscrm.db");
        });
        services.AddSingleton<ICrmArchive, SqliteArchive>();
        return services;
    }
}
