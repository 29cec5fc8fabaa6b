/** A registered route: its path template (`/clients/:id`) and methods, upper case. */
export interface RouteEntry {
  path: string;
  methods: string[];
}
