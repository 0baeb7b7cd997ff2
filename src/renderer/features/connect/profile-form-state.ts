import type { ImportedProfile, MaskingRuleInput, ProfileDraftInput, ProfileSecrets, ProfileView, SaslMechanism } from '../../../shared/api';
import { splitBrokerList } from '../../../shared/api';
import { mappingLines, parseMappingLines, pathLines } from './local-schema-lines';
import { connectLines, parseConnectLines } from './connect-cluster-lines';
import { emptyRouteForm, routeDraftFromForm, routeFormFromProfile, type RouteFormState } from './route-form-state';
import { emptyOauthForm, oauthDraftFromForm, oauthFormFromProfile, type OauthFormState } from './oauth-form-state';

/** The edit form's fields, as typed (strings), for one profile. */
export interface ProfileFormState extends RouteFormState, OauthFormState {
  id?: string;
  name: string;
  color: string;
  brokers: string;
  clientId: string;
  readOnly: boolean;
  /** The user set read-only themselves: stop suggesting it from the name. */
  readOnlyTouched: boolean;
  connectionTimeoutS: string;
  requestTimeoutS: string;
  auth: 'none' | SaslMechanism;
  username: string;
  password: string;
  token: string;
  tls: boolean;
  caFile: string;
  certFile: string;
  keyFile: string;
  keyPassphrase: string;
  skipVerify: boolean;
  /** A Schema Registry for schema-encoded keys and values. */
  registry: boolean;
  registryUrls: string;
  registryAuth: 'none' | 'basic' | 'bearer';
  registryUsername: string;
  registryPassword: string;
  registryToken: string;
  registryCaFile: string;
  registryCertFile: string;
  registryKeyFile: string;
  registrySkipVerify: boolean;
  /** Local schema files or folders, one a line. */
  localSchemaPaths: string;
  /** "topic key|value Type" lines. */
  localSchemaMappings: string;
  /** Kafka Connect clusters beside the Kafka cluster. */
  connect: boolean;
  /** "name URL" lines. */
  connectClusters: string;
  connectAuth: 'none' | 'basic' | 'bearer';
  connectUsername: string;
  connectPassword: string;
  connectToken: string;
  connectCaFile: string;
  connectCertFile: string;
  connectKeyFile: string;
  connectSkipVerify: boolean;
  /** Masking rules, as edited (main validates their paths and patterns on save). */
  masking: MaskingRuleInput[];
}

export const PROFILE_COLORS = ['#4f7cff', '#2dd4bf', '#4ade80', '#fbbf24', '#f97316', '#e5484d', '#c084fc', '#94a3b8'];

export function emptyForm(): ProfileFormState {
  return {
    ...emptyRouteForm(),
    ...emptyOauthForm(),
    name: '',
    color: PROFILE_COLORS[0]!,
    brokers: 'localhost:9092',
    clientId: 'kafka-explorer',
    readOnly: false,
    readOnlyTouched: false,
    connectionTimeoutS: '10',
    requestTimeoutS: '30',
    auth: 'none',
    username: '',
    password: '',
    token: '',
    tls: false,
    caFile: '',
    certFile: '',
    keyFile: '',
    keyPassphrase: '',
    skipVerify: false,
    registry: false,
    registryUrls: 'http://localhost:8081',
    registryAuth: 'none',
    registryUsername: '',
    registryPassword: '',
    registryToken: '',
    registryCaFile: '',
    registryCertFile: '',
    registryKeyFile: '',
    registrySkipVerify: false,
    localSchemaPaths: '',
    localSchemaMappings: '',
    connect: false,
    connectClusters: 'connect http://localhost:8083',
    connectAuth: 'none',
    connectUsername: '',
    connectPassword: '',
    connectToken: '',
    connectCaFile: '',
    connectCertFile: '',
    connectKeyFile: '',
    connectSkipVerify: false,
    masking: [],
  };
}

/** A name or address that smells of production: suggest read-only (the user can turn it off). */
export function looksLikeProduction(name: string, brokers: string): boolean {
  return /\b(prod|production|prd|live)\b/i.test(`${name} ${brokers.replace(/[.:-]/g, ' ')}`);
}

export function formFromProfile(p: ProfileView | (ProfileDraftInput & { id?: string })): ProfileFormState {
  const base = emptyForm();
  return {
    ...base,
    ...routeFormFromProfile(p),
    ...oauthFormFromProfile(p.sasl),
    ...(p.id ? { id: p.id } : {}),
    name: p.name,
    color: p.color ?? base.color,
    brokers: p.brokers.join(', '),
    clientId: p.clientId ?? base.clientId,
    readOnly: p.readOnly ?? false,
    readOnlyTouched: Boolean(p.id),
    connectionTimeoutS: String((p.connectionTimeoutMs ?? 10_000) / 1000),
    requestTimeoutS: String((p.requestTimeoutMs ?? 30_000) / 1000),
    auth: p.sasl?.mechanism ?? 'none',
    username: p.sasl?.username ?? '',
    tls: Boolean(p.tls),
    caFile: p.tls?.caFile ?? '',
    certFile: p.tls?.certFile ?? '',
    keyFile: p.tls?.keyFile ?? '',
    skipVerify: p.tls?.skipVerify ?? false,
    ...(p.schemaRegistry
      ? {
          registry: true,
          registryUrls: p.schemaRegistry.urls.join(', '),
          registryAuth: p.schemaRegistry.auth ?? 'none',
          registryUsername: p.schemaRegistry.username ?? '',
          registryCaFile: p.schemaRegistry.tls?.caFile ?? '',
          registryCertFile: p.schemaRegistry.tls?.certFile ?? '',
          registryKeyFile: p.schemaRegistry.tls?.keyFile ?? '',
          registrySkipVerify: p.schemaRegistry.tls?.skipVerify ?? false,
        }
      : {}),
    localSchemaPaths: (p.localSchemas?.paths ?? []).join('\n'),
    localSchemaMappings: mappingLines(p.localSchemas?.mappings ?? []),
    ...(p.kafkaConnect
      ? {
          connect: true,
          connectClusters: connectLines(p.kafkaConnect.clusters),
          connectAuth: p.kafkaConnect.auth ?? 'none',
          connectUsername: p.kafkaConnect.username ?? '',
          connectCaFile: p.kafkaConnect.tls?.caFile ?? '',
          connectCertFile: p.kafkaConnect.tls?.certFile ?? '',
          connectKeyFile: p.kafkaConnect.tls?.keyFile ?? '',
          connectSkipVerify: p.kafkaConnect.tls?.skipVerify ?? false,
        }
      : {}),
    masking: (p.masking ?? []).map((r) => ({ ...r })),
  };
}

export function formFromImport(imported: ImportedProfile): ProfileFormState {
  const form = formFromProfile(imported.draft);
  return { ...form, password: imported.secrets.password ?? '', token: imported.secrets.token ?? '', oauthClientSecret: imported.secrets.oauthClientSecret ?? '', keyPassphrase: imported.secrets.keyPassphrase ?? '', readOnlyTouched: false };
}

const seconds = (text: string, fallback: number) => {
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? Math.round(n * 1000) : fallback;
};

/** The draft and secrets the form sends; empty secret fields are left out (main keeps the stored ones). */
export function draftFromForm(f: ProfileFormState): { profile: ProfileDraftInput; secrets: ProfileSecrets } {
  const profile: ProfileDraftInput = {
    ...(f.id ? { id: f.id } : {}),
    name: f.name.trim(),
    color: f.color,
    brokers: splitBrokerList(f.brokers),
    clientId: f.clientId.trim() || 'kafka-explorer',
    readOnly: f.readOnly,
    connectionTimeoutMs: seconds(f.connectionTimeoutS, 10_000),
    requestTimeoutMs: seconds(f.requestTimeoutS, 30_000),
  };
  const oauth = f.auth === 'oauthbearer' ? oauthDraftFromForm(f) : null;
  if (f.auth !== 'none') profile.sasl = { mechanism: f.auth, username: f.auth === 'oauthbearer' ? '' : f.username.trim(), ...(oauth ? { oauth: oauth.oauth } : {}) };
  if (f.tls) {
    profile.tls = {
      ...(f.caFile.trim() ? { caFile: f.caFile.trim() } : {}),
      ...(f.certFile.trim() ? { certFile: f.certFile.trim() } : {}),
      ...(f.keyFile.trim() ? { keyFile: f.keyFile.trim() } : {}),
      skipVerify: f.skipVerify,
    };
  }
  if (f.registry) {
    const tls = {
      ...(f.registryCaFile.trim() ? { caFile: f.registryCaFile.trim() } : {}),
      ...(f.registryCertFile.trim() ? { certFile: f.registryCertFile.trim() } : {}),
      ...(f.registryKeyFile.trim() ? { keyFile: f.registryKeyFile.trim() } : {}),
      skipVerify: f.registrySkipVerify,
    };
    profile.schemaRegistry = {
      urls: f.registryUrls.split(/[\s,]+/).filter(Boolean),
      auth: f.registryAuth,
      username: f.registryAuth === 'basic' ? f.registryUsername.trim() : '',
      ...(Object.keys(tls).length > 1 || tls.skipVerify ? { tls } : {}),
    };
  }
  if (f.connect) {
    const tls = {
      ...(f.connectCaFile.trim() ? { caFile: f.connectCaFile.trim() } : {}),
      ...(f.connectCertFile.trim() ? { certFile: f.connectCertFile.trim() } : {}),
      ...(f.connectKeyFile.trim() ? { keyFile: f.connectKeyFile.trim() } : {}),
      skipVerify: f.connectSkipVerify,
    };
    profile.kafkaConnect = {
      clusters: parseConnectLines(f.connectClusters).clusters,
      auth: f.connectAuth,
      username: f.connectAuth === 'basic' ? f.connectUsername.trim() : '',
      ...(Object.keys(tls).length > 1 || tls.skipVerify ? { tls } : {}),
    };
  }
  const paths = pathLines(f.localSchemaPaths);
  const { mappings } = parseMappingLines(f.localSchemaMappings);
  if (paths.length > 0 || mappings.length > 0) profile.localSchemas = { paths, mappings };
  if (f.masking.length > 0) profile.masking = f.masking.map((r) => ({ ...r, topic: r.topic.trim() || '*' }));
  const route = routeDraftFromForm(f);
  Object.assign(profile, route.profile);
  const secrets: ProfileSecrets = { ...route.secrets, ...oauth?.secrets };
  if (f.registryPassword) secrets.registryPassword = f.registryPassword;
  if (f.registryToken) secrets.registryToken = f.registryToken;
  if (f.connectPassword) secrets.connectPassword = f.connectPassword;
  if (f.connectToken) secrets.connectToken = f.connectToken;
  if (f.password) secrets.password = f.password;
  if (f.token) secrets.token = f.token;
  if (f.keyPassphrase) secrets.keyPassphrase = f.keyPassphrase;
  return { profile, secrets };
}
