{{/* Names: everything is called <release>-knut-<part> unless the release name already says knut. */}}
{{- define "knut.fullname" -}}
{{- if contains "knut" .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-knut" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "knut.name" -}}
{{- printf "%s-%s" (include "knut.fullname" .root) .part | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels every object carries; selectorLabels are the stable subset used by selectors. */}}
{{- define "knut.labels" -}}
app.kubernetes.io/name: knut
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .part }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "knut.selectorLabels" -}}
app.kubernetes.io/name: knut
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .part }}
{{- end -}}

{{- define "knut.image" -}}
{{- printf "%s/%s/%s:%s" .root.Values.image.registry .root.Values.image.repository .service (.root.Values.image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}

{{/* The driver part of one UPS: driver-<ups name>, DNS-safe. */}}
{{- define "knut.driverPart" -}}
{{- printf "driver-%s" (.name | lower | replace "_" "-" | replace "." "-") -}}
{{- end -}}

{{/* Container security: non-root, read-only root filesystem, no privilege escalation, no capabilities. */}}
{{- define "knut.containerSecurity" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: [ALL]
{{- end -}}

{{/* Quarkus health probes on a container's HTTP port. */}}
{{- define "knut.probes" -}}
startupProbe:
  httpGet: {path: /q/health/started, port: http}
  periodSeconds: 2
  failureThreshold: 60
livenessProbe:
  httpGet: {path: /q/health/live, port: http}
  periodSeconds: 10
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /q/health/ready, port: http}
  periodSeconds: 5
  failureThreshold: 2
{{- end -}}

{{/* JVM settings for read-only root filesystems: caches in /tmp (an emptyDir). */}}
{{- define "knut.javaOpts" -}}
-XX:MaxRAMPercentage=75 -Dvertx.cacheDirBase=/tmp/vertx -Djava.io.tmpdir=/tmp
{{- end -}}

{{/* Name of the Secret with upsd's users. */}}
{{- define "knut.usersSecret" -}}
{{- .Values.upsd.existingSecret | default (include "knut.name" (dict "root" . "part" "users")) -}}
{{- end -}}

{{/*
  Password of user .user (Secret key .key): the given one; else the one the release's Secret already
  holds (lookup, so an upgrade keeps it); else a new random one. Without a cluster to ask (helm
  template, --dry-run=client) lookup finds nothing and a random one is rendered.
*/}}
{{- define "knut.password" -}}
{{- $secret := lookup "v1" "Secret" .root.Release.Namespace (include "knut.usersSecret" .root) | default dict -}}
{{- $kept := dig "data" .key "" $secret | b64dec -}}
{{- .user.password | default $kept | default (randAlphaNum 24) -}}
{{- end -}}

{{/* The upsd Service's DNS name, as NUT clients in the cluster reach it. */}}
{{- define "knut.upsdHost" -}}
{{- printf "%s.%s.svc" (include "knut.name" (dict "root" . "part" "upsd")) .Release.Namespace -}}
{{- end -}}
