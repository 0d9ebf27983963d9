namespace TeamsCrm.Bot.Operations;

public static class OperationsServices
{
    /// <summary>Readiness, in-flight turns and the shutdown that waits for them (Host:ShutdownTimeout, default 30 s).</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ReadinessProbe>();
        services.AddSingleton<InFlightTurns>();
        services.AddHostedService<TurnDrain>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = configuration.GetValue("Host:ShutdownTimeout", TimeSpan.FromSeconds(30)));
        return services;
    }
}
