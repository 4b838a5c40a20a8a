# Build stage: a static binary.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/detente .

# Run stage: the binary alone, as an unprivileged user.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/detente /detente
EXPOSE 8080
ENTRYPOINT ["/detente"]
CMD ["serve", "--addr", "0.0.0.0:8080"]
