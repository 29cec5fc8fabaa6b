import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DEMO_SIGN_IN_PEOPLE } from '../../../scripts/demo/sign-in-people.js';
import type { ApiConfig } from '../config.js';
import { Public } from '../infrastructure/auth/decorators.js';
import { csrfTokenFor, sessionCookie, sessionTokenOf } from '../infrastructure/auth/session-cookie.js';
import { WebSessionTokens } from '../../../libs/auth/web-session-tokens.js';
import type { PolkuRequest, PolkuResponse } from '../infrastructure/http.js';
import { ApiProblemResponses } from '../infrastructure/problem/api-problem-response.js';
import { API_CONFIG, CLOCK, type Clock } from '../infrastructure/tokens.js';
import { signInMethodOf, startBrowserSession } from './session-issuer.js';
import { DemoPersonDto, DemoSignInDto, WebSessionDto } from './web-session.dto.js';

/**
 * The browser's session (backend-for-frontend): the token stays in an HttpOnly cookie; the
 * page learns who it is and its CSRF token here. The demo sign-in exists only in embedded
 * mode (the local HS256 secret, not production): elsewhere its routes answer 404.
 */
@ApiTags('web session')
@Public()
@Controller('session')
export class WebSessionController {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(WebSessionTokens) private readonly sessions: WebSessionTokens,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private get demoSignIn(): boolean {
    return this.config.auth.mode === 'hs256' && !this.config.production;
  }

  /** The ways of signing in this deployment offers. */
  private get offers(): { demoSignIn: boolean; oidcSignIn: boolean } {
    return { demoSignIn: this.demoSignIn, oidcSignIn: this.config.webSession.oidc !== undefined };
  }

  @Get()
  @ApiOperation({ summary: 'Who this browser session is signed in as' })
  @ApiOkResponse({ type: WebSessionDto })
  async current(@Req() req: PolkuRequest): Promise<WebSessionDto> {
    const token = sessionTokenOf(req);
    if (token === undefined) return { ...this.offers, signedIn: false };
    try {
      const principal = await this.sessions.verify(token);
      return {
        ...this.offers,
        signedIn: true,
        principal,
        csrfToken: csrfTokenFor(token),
        signInMethod: signInMethodOf(token),
      };
    } catch {
      return { ...this.offers, signedIn: false };
    }
  }

  @Get('demo-people')
  @ApiOperation({ summary: 'The demo people one may sign in as (embedded mode only)' })
  @ApiOkResponse({ type: DemoPersonDto, isArray: true })
  @ApiProblemResponses(404)
  demoPeople(): readonly DemoPersonDto[] {
    this.ensureDemoSignIn();
    return DEMO_SIGN_IN_PEOPLE;
  }

  @Post('demo-sign-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in as a demo person (embedded mode only); sets the HttpOnly session cookie' })
  @ApiOkResponse({ type: WebSessionDto })
  @ApiProblemResponses(400, 404)
  async signInAsDemoPerson(
    @Body() body: DemoSignInDto,
    @Req() req: PolkuRequest,
    @Res({ passthrough: true }) res: PolkuResponse,
  ): Promise<WebSessionDto> {
    this.ensureDemoSignIn();
    const person = DEMO_SIGN_IN_PEOPLE.find((p) => p.personId === body.personId);
    if (!person || this.config.auth.mode !== 'hs256') throw new NotFoundException(`No demo person ${body.personId}`);
    const token = await startBrowserSession(this.sessions, person, 'demo', this.clock(), req, res);
    const principal = await this.sessions.verify(token);
    return { ...this.offers, signedIn: true, principal, csrfToken: csrfTokenFor(token), signInMethod: 'demo' };
  }

  @Post('sign-out')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the browser session (clears the cookie)' })
  signOut(@Req() req: PolkuRequest, @Res({ passthrough: true }) res: PolkuResponse): void {
    res.setHeader('Set-Cookie', sessionCookie(null, req.secure === true, 0));
  }

  private ensureDemoSignIn(): void {
    if (!this.demoSignIn) throw new NotFoundException('The demo sign-in exists only in embedded mode');
  }
}
