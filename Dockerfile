# Build: docker build -t enrichment .
# Run:   docker run --rm -i enrichment verify - < addresses.txt
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Enrichment.sln ./
COPY src/ src/
COPY config/ config/
RUN dotnet publish src/Enrichment.Cli/Enrichment.Cli.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# A fixed unprivileged user: the verifier needs no privileges (it only opens outbound connections).
RUN groupadd --system --gid 10001 enrichment \
 && useradd --system --uid 10001 --gid enrichment --no-create-home --shell /usr/sbin/nologin enrichment
USER 10001:10001
ENTRYPOINT ["dotnet", "/app/enrichment.dll"]
CMD ["--help"]
