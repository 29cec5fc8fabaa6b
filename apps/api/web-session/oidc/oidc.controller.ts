import { Controller, Get, HttpCode, Inject, Post, Query, Redirect, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ApiConfig } from '../../config.js';
import { Public } from '../../infrastructure/auth/decorators.js';
import { cookieValue, sessionCookie, sessionTokenOf } from '../../infrastructure/auth/session-cookie.js';
import type { PrincipalSpec } from '../../../../libs/auth/principal.js';
import { WebSessionTokens } from '../../../../libs/auth/web-session-tokens.js';
import type { PolkuRequest, PolkuResponse } from '../../infrastructure/http.js';
import { ProblemException } from '../../../../libs/problem/problem-exception.js';
import { ProblemTypes } from '../../../../libs/problem/problem-types.js';
import { ApiProblemResponses } from '../../infrastructure/problem/api-problem-response.js';
import { API_CONFIG, CLOCK, type Clock } from '../../infrastructure/tokens.js';
import { startBrowserSession } from '../session-issuer.js';
import { OidcSignOutDto } from '../web-session.dto.js';
import { OidcClient, OidcSignInError } from './oidc-client.js';
import { flowCookie, flowKeyFrom, newFlow, OIDC_FLOW_COOKIE, openFlow, sealFlow } from './oidc-flow-cookie.js';
import { OidcClaimsRefusedError, principalFromIdToken } from './oidc-principal.js';

/**
 * OpenID Connect sign-in of the browser workspace (authorization code with PKCE), ending in
 * the same backend-for-frontend session as every sign-in: the issuer's tokens never reach
 * the page. Answers 404 unless the OIDC_* settings are configured.
 */
@ApiTags('web session')
@Public()
@Controller('session/oidc')
export class OidcController {
  private readonly flowKey: Uint8Array | undefined;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(OidcClient) private readonly oidc: OidcClient,
    @Inject(WebSessionTokens) private readonly sessions: WebSessionTokens,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.flowKey = config.webSession.oidc ? flowKeyFrom(config.webSession.oidc.clientSecret) : undefined;
  }

  @Get('start')
  @Redirect()
  @ApiOperation({ summary: "Start signing in at the organisation's identity provider (redirects there)" })
  @ApiResponse({ status: 302, description: "To the issuer's authorization endpoint" })
  @ApiProblemResponses(404)
  async start(@Req() req: PolkuRequest, @Res({ passthrough: true }) res: PolkuResponse): Promise<{ url: string }> {
    const key = this.ensureConfigured();
    const flow = newFlow();
    const url = await this.oidc.authorizationUrl(flow);
    res.setHeader('Set-Cookie', flowCookie(await sealFlow(flow, key, this.clock()), req.secure === true));
    res.setHeader('Cache-Control', 'no-store');
    return { url };
  }

  @Get('callback')
  @Redirect()
  @ApiOperation({
    summary: 'Where the identity provider sends the browser back: starts the session, then opens the workspace',
  })
  @ApiQuery({ name: 'code', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiQuery({ name: 'error', required: false })
  @ApiResponse({ status: 302, description: 'To the workspace, signed in' })
  @ApiProblemResponses(400, 403, 404)
  async callback(
    @Query('code') code: string | undefined,
    @Query('state') state: string | undefined,
    @Query('error') error: string | undefined,
    @Req() req: PolkuRequest,
    @Res({ passthrough: true }) res: PolkuResponse,
  ): Promise<{ url: string }> {
    const key = this.ensureConfigured();
    const flow = await openFlow(cookieValue(req, OIDC_FLOW_COOKIE), key, this.clock());
    // The flow is single-use, whatever happens next.
    res.setHeader('Set-Cookie', flowCookie(null, req.secure === true));
    if (!flow || typeof state !== 'string' || state !== flow.state) {
      throw refused(400, 'The sign-in could not be matched to one this browser started (state). Start again.');
    }
    if (error !== undefined) throw refused(403, `The identity provider did not sign you in: ${error}.`);
    if (typeof code !== 'string' || code === '') throw refused(400, 'The identity provider sent no code.');
    let spec: PrincipalSpec;
    try {
      spec = principalFromIdToken((await this.oidc.signIn(code, flow)).claims);
    } catch (err) {
      if (err instanceof OidcClaimsRefusedError)
        throw refused(403, `${err.message}: Polku cannot sign you in.`, err.claim);
      if (err instanceof OidcSignInError) throw refused(400, err.message);
      throw err;
    }
    // The flow's cookie ends as the session's starts.
    await startBrowserSession(this.sessions, spec, 'oidc', this.clock(), req, res, [
      flowCookie(null, req.secure === true),
    ]);
    return { url: this.workspaceUrl() };
  }

  @Post('sign-out')
  @HttpCode(200)
  @ApiOperation({
    summary: 'End the browser session and say where the issuer ends its own (RP-initiated logout), if it can',
  })
  @ApiOkResponse({ type: OidcSignOutDto })
  @ApiProblemResponses(404)
  async signOut(@Req() req: PolkuRequest, @Res({ passthrough: true }) res: PolkuResponse): Promise<OidcSignOutDto> {
    this.ensureConfigured();
    const hadSession = sessionTokenOf(req) !== undefined;
    res.setHeader('Set-Cookie', sessionCookie(null, req.secure === true, 0));
    const endSessionUrl = hadSession ? await this.oidc.endSessionUrl(this.workspaceUrl()) : undefined;
    return endSessionUrl ? { endSessionUrl } : {};
  }

  /** The workspace's page, on the origin the issuer redirects back to. */
  private workspaceUrl(): string {
    return new URL('/', (this.config.webSession.oidc as { redirectUrl: string }).redirectUrl).toString();
  }

  private ensureConfigured(): Uint8Array {
    if (!this.flowKey) {
      throw new ProblemException({
        type: ProblemTypes.notFound,
        title: 'Not Found',
        status: 404,
        detail: 'OpenID Connect sign-in is not configured (OIDC_*)',
      });
    }
    return this.flowKey;
  }
}

function refused(status: 400 | 403, detail: string, claim?: string): ProblemException {
  return new ProblemException({
    type: status === 403 ? ProblemTypes.forbidden : ProblemTypes.malformedRequest,
    title: status === 403 ? 'Sign-in refused' : 'Sign-in failed',
    status,
    detail,
    ...(claim ? { claim } : {}),
  });
}
