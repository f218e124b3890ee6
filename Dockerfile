# The batch service image (API, dashboard, Hangfire worker), with the CLI alongside for `keys create`.
# Build: docker build -t enrichment .
# Run:   docker run --rm -p 8080:8080 -e ConnectionStrings__Enrichment="Host=db;Username=…;Password=…;Database=enrichment" enrichment
# Keys:  docker run --rm -e ConnectionStrings__Enrichment=… --entrypoint dotnet enrichment /app/cli/enrichment.dll keys create ops
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Enrichment.sln ./
COPY src/ src/
COPY config/ config/
RUN dotnet publish src/Enrichment.Service/Enrichment.Service.csproj -c Release -o /app/service --no-self-contained \
 && dotnet publish src/Enrichment.Cli/Enrichment.Cli.csproj -c Release -o /app/cli --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app/service
COPY --from=build /app /app
# A fixed unprivileged user: the service needs no privileges (outbound SMTP/DNS, one listening port). It does not
# create a private PostgreSQL here (that needs root to install it): give it ConnectionStrings__Enrichment.
RUN groupadd --system --gid 10001 enrichment \
 && useradd --system --uid 10001 --gid enrichment --no-create-home --shell /usr/sbin/nologin enrichment
USER 10001:10001
# In a container the API listens on all interfaces; the dashboard still answers loopback only unless
# Enrichment__Dashboard__Users__0__Name/__PasswordHash/__Role are set.
ENV Urls=http://0.0.0.0:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "/app/service/Enrichment.Service.dll"]
